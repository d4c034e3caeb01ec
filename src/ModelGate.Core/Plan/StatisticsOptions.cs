namespace ModelGate.Core.Plan;

/// <summary>The statistical settings of one gate run.</summary>
/// <param name="Confidence">Two-sided confidence level of every interval, e.g. 0.95.</param>
/// <param name="Resamples">Paired bootstrap resamples.</param>
/// <param name="Seed">Seed of the resample weights; same seed, same bytes, whatever the thread count.</param>
/// <param name="InconclusiveSeverity">What an inconclusive check counts as for the gate (warning by default).</param>
/// <param name="Mode">Interval (default) or point-estimate judging.</param>
/// <param name="MinSupport">Slices with fewer rows are reported with intervals and flagged "too small", never dropped.</param>
/// <param name="FalseDiscoveryRate">Benjamini-Hochberg level across the slice x metric family.</param>
/// <param name="LikelyRegression">
/// What an interval that straddles its bound counts as when the point estimate is beyond the bound ("likely regression":
/// error, the default, fails the check; warning keeps it inconclusive at <paramref name="InconclusiveSeverity"/>).
/// </param>
/// <param name="Uncomputable">What a check whose metric cannot be computed on this holdout counts as (error by default).</param>
/// <param name="Method">How intervals are computed: auto (default), the row-level bootstrap everywhere, or analytic wherever a metric has one.</param>
internal sealed record StatisticsOptions(
    double Confidence = 0.95,
    int Resamples = 1000,
    ulong Seed = 20261122,
    Severity InconclusiveSeverity = Severity.Warning,
    JudgeMode Mode = JudgeMode.Interval,
    int MinSupport = 30,
    double FalseDiscoveryRate = 0.05,
    Severity LikelyRegression = Severity.Error,
    Severity Uncomputable = Severity.Error,
    StatisticsMethod Method = StatisticsMethod.Auto);
