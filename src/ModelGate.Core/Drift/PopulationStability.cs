namespace ModelGate.Core.Drift;

/// <summary>
/// The population stability index, Σ (h − r) · ln(h / r) over bins, where r and h are the reference's and the
/// holdout's shares of rows in each bin. Numeric bins are equal-mass on the reference: the interior edges are its
/// quantiles at k/bins (numpy's linear interpolation), repeated edges merged, each bin [low, high) with the outer bins
/// open; categorical bins are the categories of both samples. A share of 0 counts as <see cref="EmptyShare"/>
/// (as Evidently does), so an empty bin adds a large but finite term.
/// </summary>
internal static class PopulationStability
{
    /// <summary>The share an empty bin is given.</summary>
    public const double EmptyShare = 1e-4;

    /// <summary>PSI of a numeric feature with <paramref name="bins"/> equal-mass bins of the reference; NaN values are ignored.</summary>
    public static double Numeric(ReadOnlySpan<double> reference, ReadOnlySpan<double> holdout, int bins)
    {
        var r = KolmogorovSmirnov.Sorted(reference);
        var h = KolmogorovSmirnov.Sorted(holdout);
        var edges = Edges(r, bins);
        return Index(Shares(r, edges), Shares(h, edges));
    }

    /// <summary>The interior bin edges: the reference's quantiles at k/bins, k = 1..bins−1, without repeats.</summary>
    public static double[] Edges(double[] sortedReference, int bins)
    {
        var edges = new List<double>();
        for (var k = 1; k < bins; k++)
        {
            var e = Statistics.Percentile.OfSorted(sortedReference, (double)k / bins);
            if (edges.Count == 0 || e > edges[^1])
            {
                edges.Add(e);
            }
        }

        return [.. edges];
    }

    /// <summary>PSI over categories: counts per category of the reference and the holdout, aligned by index.</summary>
    public static double Categorical(IReadOnlyList<long> referenceCounts, IReadOnlyList<long> holdoutCounts)
    {
        double rn = referenceCounts.Sum();
        double hn = holdoutCounts.Sum();
        return Index([.. referenceCounts.Select(c => c / rn)], [.. holdoutCounts.Select(c => c / hn)]);
    }

    private static double[] Shares(double[] sorted, double[] edges)
    {
        var counts = new double[edges.Length + 1];
        var bin = 0;
        foreach (var v in sorted)
        {
            while (bin < edges.Length && v >= edges[bin])
            {
                bin++;
            }

            counts[bin]++;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] /= sorted.Length;
        }

        return counts;
    }

    private static double Index(double[] reference, double[] holdout)
    {
        var psi = 0.0;
        for (var i = 0; i < reference.Length; i++)
        {
            var r = reference[i] == 0 ? EmptyShare : reference[i];
            var h = holdout[i] == 0 ? EmptyShare : holdout[i];
            psi += (h - r) * Math.Log(h / r);
        }

        return psi;
    }
}
