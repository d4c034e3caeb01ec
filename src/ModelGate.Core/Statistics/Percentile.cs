namespace ModelGate.Core.Statistics;

/// <summary>Percentiles with linear interpolation between order statistics (numpy's default "linear" method).</summary>
internal static class Percentile
{
    /// <summary>The q-th quantile (q in [0, 1]) of already sorted values.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var fraction = position - lower;
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * fraction);
    }

    /// <summary>The q-th quantile (q in [0, 1]) of values in any order; NaN values are ignored.</summary>
    public static double Of(IEnumerable<double> values, double q)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(sorted);
        return OfSorted(sorted, q);
    }

    /// <summary>
    /// The percentile bootstrap interval of replicates at a two-sided confidence level; NaN replicates are ignored.
    /// Null when fewer than two replicates are defined.
    /// </summary>
    public static Interval? Interval(ReadOnlySpan<double> replicates, double confidence)
    {
        var defined = new double[replicates.Length];
        var count = 0;
        foreach (var r in replicates)
        {
            if (!double.IsNaN(r))
            {
                defined[count++] = r;
            }
        }

        if (count < 2)
        {
            return null;
        }

        var span = defined.AsSpan(0, count);
        span.Sort();
        var alpha = 1 - confidence;
        return new Interval(OfSorted(span, alpha / 2), OfSorted(span, 1 - (alpha / 2)), confidence);
    }
}
