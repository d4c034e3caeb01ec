using ModelGate.Core.Plan;

namespace ModelGate.Core.Results;

/// <summary>How one check ended, with the numbers that decided it.</summary>
internal sealed record CheckResult
{
    /// <summary>The check as planned.</summary>
    public required CheckSpec Spec { get; init; }

    /// <summary>The verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>One sentence: what decided it, e.g. "delta -0.004 [-0.011, +0.003] straddles the allowed drop -0.01".</summary>
    public required string Reason { get; init; }

    /// <summary>The threshold as a reader sees it, e.g. "≥ 0.80; drop ≤ 0.01".</summary>
    public required string Threshold { get; init; }

    /// <summary>The candidate's value (with interval) that was judged, when there is one.</summary>
    public Estimate? Candidate { get; init; }

    /// <summary>The baseline's value, when there is one.</summary>
    public Estimate? Baseline { get; init; }

    /// <summary>Candidate minus baseline with its paired interval, when compared.</summary>
    public Estimate? Delta { get; init; }

    /// <summary>Two-sided p-value of the paired test, when one was run.</summary>
    public double? PValue { get; init; }

    /// <summary>For an inconclusive non-inferiority check: the smallest regression this holdout could detect.</summary>
    public double? MinimumDetectableEffect { get; init; }

    /// <summary>
    /// For a change check: the smallest change this holdout can detect (80% power at the run's confidence), when it is larger
    /// than the check's bound; such a bound cannot be confirmed on this holdout (reports and the console warn).
    /// </summary>
    public double? UndetectableBound { get; init; }

    /// <summary>For an inconclusive check: about how many holdout rows would settle it.</summary>
    public long? RowsNeeded { get; init; }

    /// <summary>True when a waiver was present but had expired, so it did not apply.</summary>
    public bool WaiverExpired { get; init; }

    /// <summary>Per-group or per-item evidence behind the verdict (subgroups, fairness, safety).</summary>
    public IReadOnlyList<GroupResult> Groups { get; init; } = [];

    /// <summary>Negative flips behind a safety verdict.</summary>
    public FlipSummary? Flips { get; init; }

    /// <summary>Per-feature (or per-score) distribution shift behind a drift verdict; empty for other checks.</summary>
    public IReadOnlyList<FeatureDrift> Drift { get; init; } = [];

    /// <summary>Duplicates and label proxies behind a leakage verdict; null for other checks.</summary>
    public LeakageFindings? Leakage { get; init; }

    /// <summary>Both models' measured resource cost behind a resource-cost verdict; null for other checks.</summary>
    public ResourceCosts? Cost { get; init; }

    /// <summary>The metric per window behind a rolling-window verdict; null for other checks.</summary>
    public WindowSeries? Windows { get; init; }

    /// <summary>Abstention and the risk–coverage curve behind a reject-rate verdict; null for other checks.</summary>
    public Abstention? Abstention { get; init; }

    /// <summary>Flip rates, metric drops and the least stable groups behind a robustness verdict; null for other checks.</summary>
    public RobustnessFindings? Robustness { get; init; }

    /// <summary>
    /// True when the interval straddled the bound with the point estimate beyond it: a likely regression the holdout cannot
    /// confirm. The verdict is then Fail (the default) or Inconclusive (<c>statistics.likely_regression: warning</c>).
    /// </summary>
    public bool LikelyRegression { get; init; }

    /// <summary>True when the check's metric could not be computed on this holdout (the reason says why): inconclusive, never a pass.</summary>
    public bool Uncomputable { get; init; }

    /// <summary>True for a skip the policy asked for (no baseline configured, or an optional check), not one forced by the data.</summary>
    public bool SkippedByConfiguration { get; init; }

    /// <summary>How the interval of <see cref="Delta"/> (or of the candidate, without a delta) was computed, e.g. "paired bootstrap (1,000 resamples)".</summary>
    public string? IntervalMethod { get; init; }

    /// <summary>True when this check makes the gate fail (considering severity, waivers and the inconclusive setting).</summary>
    public bool Blocks { get; init; }
}
