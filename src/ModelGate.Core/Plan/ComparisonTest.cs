namespace ModelGate.Core.Plan;

/// <summary>How a candidate-vs-baseline delta gets its interval.</summary>
internal enum ComparisonTest
{
    /// <summary>Paired bootstrap over shared resample weights (the default for every metric).</summary>
    Bootstrap,

    /// <summary>McNemar's test on discordant pairs (accuracy and other per-row correctness metrics).</summary>
    McNemar,

    /// <summary>DeLong's paired test (ROC AUC).</summary>
    DeLong,
}
