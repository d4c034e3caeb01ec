namespace ModelGate.Core.Drift;

/// <summary>The first Wasserstein (earth mover's) distance between two samples: ∫ |F(x) − G(x)| dx (scipy's <c>wasserstein_distance</c>).</summary>
internal static class Wasserstein
{
    /// <summary>The distance between two samples; NaN values are ignored. Both must hold at least one value.</summary>
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var x = KolmogorovSmirnov.Sorted(a);
        var y = KolmogorovSmirnov.Sorted(b);
        if (x.Length == 0 || y.Length == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        var all = new double[x.Length + y.Length];
        x.CopyTo(all, 0);
        y.CopyTo(all, x.Length);
        Array.Sort(all);
        var (i, j) = (0, 0);
        var total = 0.0;
        for (var k = 0; k < all.Length - 1; k++)
        {
            // F and G just right of all[k]: the share of each sample at or below it.
            while (i < x.Length && x[i] <= all[k])
            {
                i++;
            }

            while (j < y.Length && y[j] <= all[k])
            {
                j++;
            }

            total += Math.Abs(((double)i / x.Length) - ((double)j / y.Length)) * (all[k + 1] - all[k]);
        }

        return total;
    }
}
