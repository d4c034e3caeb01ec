using ModelGate.Onnx.Outputs;

namespace ModelGate.Engine.Scores;

/// <summary>The names a score file header gives <see cref="ScoreKind"/> (the policy's snake_case words).</summary>
internal static class ScoreKindNames
{
    /// <summary>The header's name for a kind.</summary>
    public static string Of(ScoreKind kind) => kind switch
    {
        ScoreKind.Probabilities => "probabilities",
        ScoreKind.Logits => "logits",
        ScoreKind.LogProbabilities => "log_probabilities",
        ScoreKind.Labels => "labels",
        _ => "regression",
    };

    /// <summary>The kind a header names; null when it names none.</summary>
    public static ScoreKind? Parse(string name) => name switch
    {
        "probabilities" => ScoreKind.Probabilities,
        "logits" => ScoreKind.Logits,
        "log_probabilities" => ScoreKind.LogProbabilities,
        "labels" => ScoreKind.Labels,
        "regression" => ScoreKind.Regression,
        _ => null,
    };
}
