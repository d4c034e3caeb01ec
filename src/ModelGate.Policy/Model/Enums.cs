namespace ModelGate.Policy.Model;

/// <summary>
/// What the model's output holds, as a policy may declare it (<c>models.scores</c>, printed as the member's name in lower
/// case). Kept apart from ModelGate.Onnx's <c>ScoreKind</c>, which the engine maps it to: that one is what an output is
/// found to hold (log-probabilities are detected, never declared; regression follows from the task), with no Auto
/// (null there), and Policy does not reference Onnx.
/// </summary>
internal enum ScoresKind
{
    /// <summary>Decided from the values (the default when unset): probabilities, log-probabilities or logits.</summary>
    Auto,

    /// <summary>Probabilities (binary: P(positive) or one per class).</summary>
    Probabilities,

    /// <summary>Raw logits; ModelGate applies sigmoid (one column) or softmax.</summary>
    Logits,

    /// <summary>A predicted label only; probability metrics do not apply.</summary>
    Label,
}

/// <summary>
/// A forced column type, overriding what the holdout reader infers (<c>data.column_types</c>, printed as the member's
/// name in lower case). Kept apart from ModelGate.Data's <c>ColumnKind</c>, which the engine maps it to: that one is how
/// the reader stores a column (also whole numbers and booleans, which it infers and a policy cannot force), and Policy
/// does not reference Data.
/// </summary>
internal enum ColumnType
{
    /// <summary>Parsed as numbers.</summary>
    Numeric,

    /// <summary>Kept as text (e.g. zip codes, ids).</summary>
    Text,
}
