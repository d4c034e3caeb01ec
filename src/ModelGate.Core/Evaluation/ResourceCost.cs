namespace ModelGate.Core.Evaluation;

/// <summary>
/// What scoring cost one model, measured alone (the other model idle): process CPU time over timed passes of a holdout
/// sample through a fresh session, and the process working set's peak above its level before that session was loaded.
/// </summary>
/// <param name="Rows">Rows scored in the timed passes (the sample's rows times the passes).</param>
/// <param name="CpuSeconds">Process CPU time (user + system, every thread) over the timed passes.</param>
/// <param name="WallSeconds">Wall-clock time of the timed passes.</param>
/// <param name="PeakWorkingSetBytes">Peak working set, sampled after the load and after every pass, minus the working set before the load.</param>
/// <param name="GpuSeconds">GPU time over the timed passes when the session runs on CUDA; null on the CPU.</param>
internal sealed record ResourceCost(long Rows, double CpuSeconds, double WallSeconds, long PeakWorkingSetBytes, double? GpuSeconds = null)
{
    /// <summary>CPU-seconds per 1,000 rows.</summary>
    public double CpuSecondsPer1000Rows => Rows == 0 ? double.NaN : CpuSeconds / Rows * 1000;

    /// <summary>GPU-seconds per 1,000 rows; null without GPU time.</summary>
    public double? GpuSecondsPer1000Rows => GpuSeconds is { } g && Rows > 0 ? g / Rows * 1000 : null;

    /// <summary>Peak working memory in megabytes (10^6 bytes), never below 0.</summary>
    public double PeakMemoryMb => Math.Max(0, PeakWorkingSetBytes) / 1e6;
}
