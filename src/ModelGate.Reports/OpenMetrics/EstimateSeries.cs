using ModelGate.Core;

namespace ModelGate.Reports.OpenMetrics;

/// <summary>An estimate as three gauge families: the value, and the lower and upper bounds of its interval.</summary>
internal sealed class EstimateSeries(string name, string what)
{
    private readonly MetricFamily _value = new(name, what + ".");
    private readonly MetricFamily _lower = new(name + "_interval_lower", "Lower bound of the confidence interval of " + Lowered(what) + ".");
    private readonly MetricFamily _upper = new(name + "_interval_upper", "Upper bound of the confidence interval of " + Lowered(what) + ".");

    /// <summary>The three families, value first.</summary>
    public IEnumerable<MetricFamily> Families => [_value, _lower, _upper];

    /// <summary>Adds an estimate's value and bounds; an undefined estimate adds nothing.</summary>
    public void Add(IReadOnlyList<Label> labels, Estimate? estimate)
    {
        if (estimate is null || !estimate.IsDefined)
        {
            return;
        }

        _value.Add(labels, estimate.Value);
        _lower.Add(labels, estimate.Interval?.Lower);
        _upper.Add(labels, estimate.Interval?.Upper);
    }

    private static string Lowered(string what) => char.ToLowerInvariant(what[0]) + what[1..];
}
