using ModelGate.Core;

namespace ModelGate.Cli.Init;

/// <summary>An absolute bound set by <c>init</c>, with the comment that says where it came from.</summary>
/// <param name="Value">The bound.</param>
/// <param name="Comment">Why this value (written after it in the YAML).</param>
internal sealed record InitBound(double Value, string Comment);

/// <summary>Everything <c>init</c> decided, ready to be written as YAML.</summary>
/// <param name="Task">The task.</param>
/// <param name="TaskWhy">Why that task.</param>
/// <param name="Candidate">The candidate model's path, as the policy should spell it.</param>
/// <param name="Baseline">The baseline model's path, or null.</param>
/// <param name="Holdout">The holdout's path, as the policy should spell it.</param>
/// <param name="Label">The label column.</param>
/// <param name="Inputs">How columns feed the model.</param>
/// <param name="Slices">Columns to slice on.</param>
internal sealed record PolicyDraft(TaskKind Task, string TaskWhy, string Candidate, string? Baseline, string Holdout, string Label,
    InputChoice Inputs, IReadOnlyList<string> Slices)
{
    /// <summary>Absolute bounds by metric, from the candidate's own interval; empty while they are being measured.</summary>
    public IReadOnlyDictionary<string, InitBound> Bounds { get; init; } = new Dictionary<string, InitBound>(StringComparer.Ordinal);

    /// <summary>Needed columns (label and features) with missing values: their rows are dropped, and the YAML says so.</summary>
    public IReadOnlyList<string> ColumnsWithGaps { get; init; } = [];

    /// <summary>
    /// <c>models.classes</c>: the label's values in sorted order, written when the labels are text and the candidate's output
    /// names no classes of its own (logits, a bare probability tensor); null otherwise.
    /// </summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>The metric checks for this draft's task.</summary>
    public IReadOnlyList<SuggestedCheck> Checks => SuggestedCheck.For(Task);
}
