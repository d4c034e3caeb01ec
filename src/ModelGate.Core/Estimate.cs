namespace ModelGate.Core;

/// <summary>
/// A metric value with its interval, or "undefined" with the reason (never a silent 0 or NaN):
/// e.g. ROC AUC on a slice that holds one class.
/// </summary>
internal sealed record Estimate
{
    private Estimate(double value, Interval? interval, string? undefinedReason)
    {
        Value = value;
        Interval = interval;
        UndefinedReason = undefinedReason;
    }

    /// <summary>The point estimate; NaN when undefined.</summary>
    public double Value { get; }

    /// <summary>The confidence interval, when one was computed.</summary>
    public Interval? Interval { get; }

    /// <summary>Why the value is undefined; null when it is defined.</summary>
    public string? UndefinedReason { get; }

    /// <summary>How the interval was computed (e.g. "paired bootstrap (1,000 resamples)", "DeLong"); null without one.</summary>
    public string? Method { get; init; }

    /// <summary>True when the value is defined.</summary>
    public bool IsDefined => UndefinedReason is null;

    /// <summary>A defined value, optionally with its interval.</summary>
    public static Estimate Of(double value, Interval? interval = null) => new(value, interval, null);

    /// <summary>An undefined value, with the reason a reader will see.</summary>
    public static Estimate Undefined(string reason) => new(double.NaN, null, reason);
}
