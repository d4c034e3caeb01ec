namespace ModelGate.Core.Metrics;

/// <summary>Selection rate, TPR and FPR of one group: the inputs of Fairlearn's disparity metrics.</summary>
/// <param name="SelectionRate">Share predicted positive.</param>
/// <param name="TruePositiveRate">Recall; NaN when the group has no positive rows.</param>
/// <param name="FalsePositiveRate">NaN when the group has no negative rows.</param>
internal readonly record struct GroupRates(double SelectionRate, double TruePositiveRate, double FalsePositiveRate);

/// <summary>
/// Fairlearn's (0.10) disparity definitions across groups: differences are max - min, ratios min / max, over the groups
/// where the rate is defined; equalized odds takes the worse of TPR and FPR.
/// </summary>
internal static class Disparity
{
    /// <summary>True for ratio disparities (where lower is worse).</summary>
    public static bool IsRatio(string id) => id.EndsWith("_ratio", StringComparison.Ordinal);

    /// <summary>The disparity <paramref name="id"/> (see <see cref="MetricCatalog.Disparities"/>) across groups.</summary>
    public static MetricValue Compute(string id, IReadOnlyList<GroupRates> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return id switch
        {
            "demographic_parity_difference" => Difference(groups.Select(g => g.SelectionRate), "selection rate"),
            "demographic_parity_ratio" => Ratio(groups.Select(g => g.SelectionRate), "selection rate"),
            "equal_opportunity_difference" => Difference(groups.Select(g => g.TruePositiveRate), "true positive rate"),
            "equalized_odds_difference" => Worse(
                Difference(groups.Select(g => g.TruePositiveRate), "true positive rate"),
                Difference(groups.Select(g => g.FalsePositiveRate), "false positive rate"),
                higherIsWorse: true),
            "equalized_odds_ratio" => Worse(
                Ratio(groups.Select(g => g.TruePositiveRate), "true positive rate"),
                Ratio(groups.Select(g => g.FalsePositiveRate), "false positive rate"),
                higherIsWorse: false),
            _ => throw new ArgumentException($"Unknown disparity '{id}'. Known: {string.Join(", ", MetricCatalog.Disparities)}.", nameof(id)),
        };
    }

    private static MetricValue Difference(IEnumerable<double> rates, string what)
    {
        var defined = rates.Where(r => !double.IsNaN(r)).ToArray();
        return defined.Length < 2
            ? MetricValue.Undefined($"needs the {what} of at least two groups")
            : MetricValue.Of(defined.Max() - defined.Min());
    }

    private static MetricValue Ratio(IEnumerable<double> rates, string what)
    {
        var defined = rates.Where(r => !double.IsNaN(r)).ToArray();
        if (defined.Length < 2)
        {
            return MetricValue.Undefined($"needs the {what} of at least two groups");
        }

        var max = defined.Max();
        return max == 0 ? MetricValue.Undefined($"the {what} is 0 in every group") : MetricValue.Of(defined.Min() / max);
    }

    private static MetricValue Worse(MetricValue a, MetricValue b, bool higherIsWorse)
    {
        if (!a.IsDefined)
        {
            return a;
        }

        if (!b.IsDefined)
        {
            return b;
        }

        return MetricValue.Of(higherIsWorse ? Math.Max(a.Value, b.Value) : Math.Min(a.Value, b.Value));
    }
}
