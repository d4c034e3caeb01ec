namespace ModelGate.Core.Plan;

/// <summary>How the gate computes its intervals (<c>statistics.method</c>).</summary>
internal enum StatisticsMethod
{
    /// <summary>
    /// The default: confusion-count metrics (accuracy, precision, recall, F1, MCC, selection rate, FPR, and the
    /// fairness disparities built on them) by the exact cell-count Poisson bootstrap; everything else by the row-level
    /// bootstrap. Same distribution as <see cref="Bootstrap"/>, different draws.
    /// </summary>
    Auto,

    /// <summary>The row-level Poisson bootstrap for every metric (one count per row per resample).</summary>
    Bootstrap,
}
