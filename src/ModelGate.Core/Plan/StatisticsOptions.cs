namespace ModelGate.Core.Plan;

/// <summary>The statistical settings of one gate run.</summary>
/// <param name="Confidence">Two-sided confidence level of every interval, e.g. 0.95.</param>
/// <param name="Resamples">Paired bootstrap resamples.</param>
/// <param name="Seed">Seed of the resample weights; same seed, same bytes, whatever the thread count.</param>
/// <param name="InconclusiveSeverity">What an inconclusive check counts as for the gate (warning by default).</param>
/// <param name="Mode">Interval (default) or point-estimate judging.</param>
/// <param name="MinSupport">Slices with fewer rows are reported with intervals and flagged "too small", never dropped.</param>
/// <param name="FalseDiscoveryRate">Benjamini-Hochberg level across the slice x metric family.</param>
public sealed record StatisticsOptions(
    double Confidence = 0.95,
    int Resamples = 1000,
    ulong Seed = 20261122,
    Severity InconclusiveSeverity = Severity.Warning,
    JudgeMode Mode = JudgeMode.Interval,
    int MinSupport = 30,
    double FalseDiscoveryRate = 0.05);
