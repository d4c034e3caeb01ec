namespace ModelGate.Core.Drift;

/// <summary>The two-sample Kolmogorov–Smirnov statistic with its asymptotic two-sided p-value.</summary>
/// <param name="Statistic">D: the largest distance between the two empirical distribution functions.</param>
/// <param name="PValue">The Kolmogorov distribution's survival function at √(n·m/(n+m))·D (scipy.stats.kstwobign.sf).</param>
internal readonly record struct KsResult(double Statistic, double PValue);

/// <summary>
/// Two-sample Kolmogorov–Smirnov test (scipy's <c>ks_2samp</c> statistic, exactly). The p-value is the limiting
/// (Kolmogorov) distribution, not ks_2samp's <c>method='auto'</c>, which is exact below 10,000 rows: the asymptotic
/// value is slightly conservative on small samples and costs nothing on large ones (docs/statistics.md).
/// </summary>
internal static class KolmogorovSmirnov
{
    /// <summary>The test on two samples; NaN values are ignored. Both must hold at least one value.</summary>
    public static KsResult TwoSample(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var x = Sorted(a);
        var y = Sorted(b);
        if (x.Length == 0 || y.Length == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }

        double n = x.Length;
        double m = y.Length;
        var (i, j) = (0, 0);
        var d = 0.0;
        while (i < x.Length && j < y.Length)
        {
            var v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] <= v)
            {
                i++;
            }

            while (j < y.Length && y[j] <= v)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs((i / n) - (j / m)));
        }

        var en = n * m / (n + m);
        return new KsResult(d, KolmogorovSurvival(Math.Sqrt(en) * d));
    }

    /// <summary>P(K &gt; x) for the Kolmogorov distribution K (scipy.special.kolmogorov).</summary>
    public static double KolmogorovSurvival(double x)
    {
        if (x <= 0)
        {
            return 1;
        }

        if (x < 1)
        {
            // Small x: the theta-function form converges fast; P(K ≤ x) = √(2π)/x · Σ exp(−(2k−1)²π²/(8x²)).
            var sum = 0.0;
            for (var k = 1; k <= 20; k++)
            {
                var odd = (2 * k) - 1;
                sum += Math.Exp(-odd * odd * Math.PI * Math.PI / (8 * x * x));
            }

            return 1 - (Math.Sqrt(2 * Math.PI) / x * sum);
        }

        var total = 0.0;
        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2.0 * k * k * x * x);
            total += (k % 2 == 1 ? term : -term);
            if (term < 1e-300)
            {
                break;
            }
        }

        return Math.Clamp(2 * total, 0, 1);
    }

    internal static double[] Sorted(ReadOnlySpan<double> values)
    {
        var list = new List<double>(values.Length);
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                list.Add(v);
            }
        }

        var sorted = list.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
