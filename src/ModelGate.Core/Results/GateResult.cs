using ModelGate.Core.Plan;

namespace ModelGate.Core.Results;

/// <summary>The outcome of a whole gate run: the verdict, every check, and all the evidence a report shows.</summary>
internal sealed record GateResult
{
    /// <summary>True when no blocking check failed.</summary>
    public required bool Passed { get; init; }

    /// <summary>Every check, in policy order.</summary>
    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>Headline metrics side by side.</summary>
    public required IReadOnlyList<MetricComparison> Headline { get; init; }

    /// <summary>Reliability curves (classification only).</summary>
    public IReadOnlyList<CalibrationCurve> Calibration { get; init; } = [];

    /// <summary>Per-group results of every slice, for the subgroup section.</summary>
    public IReadOnlyList<GroupResult> Groups { get; init; } = [];

    /// <summary>Flips over the whole holdout, when there is a baseline.</summary>
    public FlipSummary? Flips { get; init; }

    /// <summary>The task.</summary>
    public required TaskKind Task { get; init; }

    /// <summary>Rows judged (after excluding rows with non-finite scores).</summary>
    public required int Rows { get; init; }

    /// <summary>Rows left out because the candidate scored them NaN or infinite (judged by <c>scores_valid</c>), first row ids.</summary>
    public IReadOnlyList<string> NonFiniteScoreRows { get; init; } = [];

    /// <summary>Count of non-finite rows (the list above is capped).</summary>
    public int NonFiniteScoreRowCount { get; init; }

    /// <summary>Why the baseline was not compared (it scored NaN or infinity on some rows), or null.</summary>
    public string? BaselineProblem { get; init; }

    /// <summary>
    /// True only when the gate passed and every check passed or was waived: no check inconclusive, skipped or invalid.
    /// Reports show ✅ only then.
    /// </summary>
    public bool Clean => Passed && Checks.All(c => c.Verdict is Verdict.Pass or Verdict.Waived);

    /// <summary>Statistical settings used.</summary>
    public required StatisticsOptions Statistics { get; init; }

    /// <summary>Whether a baseline was compared.</summary>
    public bool HasBaseline { get; init; }

    /// <summary>ROC curves of both models (binary tasks), drawn from the sorted orders the metrics used.</summary>
    public IReadOnlyList<Metrics.RocCurvePoints> RocCurves { get; init; } = [];

    /// <summary>Count of checks with a verdict.</summary>
    public int Count(Verdict verdict) => Checks.Count(c => c.Verdict == verdict);
}
