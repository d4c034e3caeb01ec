using ModelGate.Core.Evaluation;
using ModelGate.Core.Results;

namespace ModelGate.Core.Drift;

/// <summary>Every drift statistic of one feature: PSI, and KS + Wasserstein (numeric) or chi-square + Jensen–Shannon (categorical).</summary>
internal static class DriftMeasures
{
    /// <summary>The statistics of one feature, unadjusted; null when either side has no non-missing value.</summary>
    public static FeatureDrift? Of(FeatureSample sample, int bins)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return sample.IsCategorical
            ? Categorical(sample.Name, sample.ReferenceText ?? Text(sample.ReferenceNumbers!), sample.HoldoutText ?? Text(sample.HoldoutNumbers!))
            : Numeric(sample.Name, sample.ReferenceNumbers!, sample.HoldoutNumbers!, bins);
    }

    /// <summary>The statistics of two numeric samples; null when either has no non-NaN value.</summary>
    public static FeatureDrift? Numeric(string name, double[] reference, double[] holdout, int bins)
    {
        var r = reference.Count(v => !double.IsNaN(v));
        var h = holdout.Count(v => !double.IsNaN(v));
        if (r == 0 || h == 0)
        {
            return null;
        }

        var ks = KolmogorovSmirnov.TwoSample(reference, holdout);
        return new FeatureDrift
        {
            Feature = name,
            ReferenceRows = r,
            HoldoutRows = h,
            Psi = PopulationStability.Numeric(reference, holdout, bins),
            Statistic = ks.Statistic,
            PValue = ks.PValue,
            Wasserstein = Wasserstein.Distance(reference, holdout),
        };
    }

    private static FeatureDrift? Categorical(string name, IReadOnlyList<string?> reference, IReadOnlyList<string?> holdout)
    {
        var categories = reference.Concat(holdout).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var r = Counts(reference, index);
        var h = Counts(holdout, index);
        if (r.Sum() == 0 || h.Sum() == 0)
        {
            return null;
        }

        var chi = CategoricalTests.ChiSquare(r, h);
        return new FeatureDrift
        {
            Feature = name,
            Categorical = true,
            ReferenceRows = (int)r.Sum(),
            HoldoutRows = (int)h.Sum(),
            Psi = PopulationStability.Categorical(r, h),
            Statistic = chi.Statistic,
            PValue = chi.PValue,
            JensenShannon = CategoricalTests.JensenShannon(r, h),
        };
    }

    private static long[] Counts(IReadOnlyList<string?> values, Dictionary<string, int> index)
    {
        var counts = new long[index.Count];
        foreach (var v in values)
        {
            if (v is not null)
            {
                counts[index[v]]++;
            }
        }

        return counts;
    }

    private static string?[] Text(double[] numbers) =>
        [.. numbers.Select(v => double.IsNaN(v) ? null : v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))];
}
