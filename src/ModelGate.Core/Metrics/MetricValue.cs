namespace ModelGate.Core.Metrics;

/// <summary>A computed metric value, or NaN with the reason it is undefined.</summary>
internal readonly record struct MetricValue(double Value, string? UndefinedReason)
{
    /// <summary>True when defined.</summary>
    public bool IsDefined => UndefinedReason is null;

    /// <summary>A defined value.</summary>
    public static MetricValue Of(double value) => new(value, null);

    /// <summary>An undefined value.</summary>
    public static MetricValue Undefined(string reason) => new(double.NaN, reason);

    /// <summary>As an <see cref="Estimate"/>, with an optional interval.</summary>
    public Estimate ToEstimate(Interval? interval = null) => IsDefined ? Estimate.Of(Value, interval) : Estimate.Undefined(UndefinedReason!);
}
