namespace ModelGate.Policy.Model;

/// <summary>The models under test: where they are and how to read their output.</summary>
/// <param name="Candidate">Absolute path of the candidate ONNX model.</param>
/// <param name="Baseline">Absolute path of the baseline ONNX model; null when none is configured (change checks are skipped).</param>
/// <param name="Output">Name of the output to read; null means auto-detect.</param>
/// <param name="Scores">What the output holds; null = detected from the output's name and shape.</param>
/// <param name="PositiveClass">Binary: the label value of the positive class as written in the holdout; null means "1".</param>
/// <param name="DecisionThreshold">Binary: threshold on P(positive) for label-based metrics.</param>
/// <param name="MaxInvalidRows">Rows the candidate may score NaN or infinite before <c>scores_valid</c> fails (0 by default).</param>
internal sealed record ModelsConfig(
    string Candidate,
    string? Baseline,
    string? Output,
    ScoresKind? Scores,
    string? PositiveClass,
    double DecisionThreshold,
    int MaxInvalidRows = 0)
{
    /// <summary>The candidate's version for monitoring labels (<c>models.candidate_version</c>); null = from the ONNX metadata.</summary>
    public string? CandidateVersion { get; init; }

    /// <summary>The baseline's version for monitoring labels (<c>models.baseline_version</c>); null = from the ONNX metadata.</summary>
    public string? BaselineVersion { get; init; }

    /// <summary>The candidate's own input mapping (<c>models.candidate.inputs</c>); null = <c>data.inputs</c>.</summary>
    public InputsMapping? CandidateInputs { get; init; }

    /// <summary>The baseline's own input mapping (<c>models.baseline.inputs</c>); null = <c>data.inputs</c>.</summary>
    public InputsMapping? BaselineInputs { get; init; }

    /// <summary>
    /// The class labels in output-column order (<c>models.classes</c>), for outputs that carry no labels of their own
    /// (logits, a probability tensor without class-label metadata); null = from the model (ZipMap keys, classifier metadata).
    /// </summary>
    public IReadOnlyList<string>? Classes { get; init; }
}
