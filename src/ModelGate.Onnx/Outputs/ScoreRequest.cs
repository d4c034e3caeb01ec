using ModelGate.Core;
using ModelGate.Core.Evaluation;

namespace ModelGate.Onnx.Outputs;

/// <summary>What an output holds, and so how it becomes scores.</summary>
internal enum ScoreKind
{
    /// <summary>Class probabilities: [N, K], a single P(positive) as [N] or [N, 1], or a ZipMap.</summary>
    Probabilities,

    /// <summary>Unnormalised scores: softmax over K classes, or sigmoid for one column.</summary>
    Logits,

    /// <summary>Log-probabilities (e.g. LogSoftmax), detected from the values and exponentiated; never declared.</summary>
    LogProbabilities,

    /// <summary>Predicted class labels (int64 or string) only: one-hot scores, flagged as labels only.</summary>
    Labels,

    /// <summary>A regression prediction per row, [N] or [N, 1].</summary>
    Regression,
}

/// <summary>How logits become probabilities.</summary>
internal enum LogitTransform
{
    /// <summary>Softmax for K ≥ 2 columns, sigmoid for one.</summary>
    Auto,

    /// <summary>Softmax across the row.</summary>
    Softmax,

    /// <summary>Sigmoid of a single column (binary): P(positive) = 1/(1+e^-z).</summary>
    Sigmoid,
}

/// <summary>Which output to score and how; every member is optional (auto-detected when null).</summary>
internal sealed record ScoreRequest
{
    /// <summary>The task, when the policy says; helps tell a probability from a regression value and checks K.</summary>
    public TaskKind? Task { get; init; }

    /// <summary>The output to read; null picks by name and type (see <see cref="ScoredPredictions.Reason"/>).</summary>
    public string? OutputName { get; init; }

    /// <summary>What the output holds; null infers it from its name and type.</summary>
    public ScoreKind? Kind { get; init; }

    /// <summary>How logits become probabilities.</summary>
    public LogitTransform Transform { get; init; } = LogitTransform.Auto;

    /// <summary>Class labels in class-index order, for label outputs (e.g. from the holdout's target column).</summary>
    public IReadOnlyList<string>? ClassLabels { get; init; }

    /// <summary>
    /// True to leave a classification output's raw numbers undecided (<see cref="ScoredPredictions.Pending"/>) so that the
    /// caller can join chunks first and decide once for every row with <see cref="ScoreInterpretation.Resolve"/>.
    /// </summary>
    public bool Deferred { get; init; }
}

/// <summary>A model's scores in ModelGate's canonical form, and an account of where they came from.</summary>
internal sealed record ScoredPredictions(
    Predictions Predictions,
    string OutputName,
    ScoreKind Kind,
    string Reason,
    IReadOnlyList<string>? ClassLabels,
    bool LabelsOnly)
{
    /// <summary>True while the numbers are the output's raw values, not yet read as probabilities (see <see cref="ScoreInterpretation"/>).</summary>
    public bool Pending { get; init; }

    /// <summary>Where <see cref="ClassLabels"/> came from, for messages (ZipMap keys, classifier metadata, <c>models.classes</c>); null = not named.</summary>
    public string? ClassLabelSource { get; init; }
}
