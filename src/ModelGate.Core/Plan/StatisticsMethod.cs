namespace ModelGate.Core.Plan;

/// <summary>How the gate computes its intervals (<c>statistics.method</c>).</summary>
internal enum StatisticsMethod
{
    /// <summary>
    /// The default: analytic intervals (DeLong, normal intervals of per-row terms, the delta method) on every slot
    /// (the overall holdout, each group) with at least <see cref="Statistics.AnalyticIntervals.AutoMinRows"/> rows;
    /// the bootstrap below that and for metrics without an adequate analytic interval. Confusion-count metrics are
    /// resampled by the exact cell-count bootstrap.
    /// </summary>
    Auto,

    /// <summary>The row-level Poisson bootstrap for every metric (one count per row per resample), as before.</summary>
    Bootstrap,

    /// <summary>Analytic intervals on every slot where the metric has one; the bootstrap (cell-count where exact) for the rest.</summary>
    Analytic,
}
