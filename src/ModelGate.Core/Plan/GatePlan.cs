namespace ModelGate.Core.Plan;

/// <summary>
/// Everything Core needs to judge a run, built once from the policy and never mutated:
/// the task, the checks, the slices they refer to and the statistical settings.
/// </summary>
internal sealed record GatePlan
{
    /// <summary>The task.</summary>
    public required TaskKind Task { get; init; }

    /// <summary>The checks, in policy order.</summary>
    public required IReadOnlyList<CheckSpec> Checks { get; init; }

    /// <summary>The slices checks refer to by name.</summary>
    public IReadOnlyList<SliceSpec> Slices { get; init; } = [];

    /// <summary>Statistical settings.</summary>
    public StatisticsOptions Statistics { get; init; } = new();

    /// <summary>Binary decision threshold on P(positive) for label-based metrics.</summary>
    public double DecisionThreshold { get; init; } = 0.5;

    /// <summary>Rows the candidate may score NaN or infinite before the <c>scores_valid</c> check, judged first in every run, fails.</summary>
    public int MaxInvalidRows { get; init; }

    /// <summary>Headline metrics to report side by side even when no check names them; empty means the task's defaults.</summary>
    public IReadOnlyList<string> ReportMetrics { get; init; } = [];
}
