namespace ModelGate.Policy.Model;

/// <summary>What the model's output holds.</summary>
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

/// <summary>What to do with a holdout row that has a missing value in a column the run needs.</summary>
internal enum MissingValues
{
    /// <summary>Stop with a data error naming the row and column (the default).</summary>
    Fail,

    /// <summary>Drop the row and report how many were dropped.</summary>
    Drop,

    /// <summary>Pass NaN to the model.</summary>
    Nan,
}

/// <summary>A forced column type, overriding what the holdout reader infers.</summary>
internal enum ColumnType
{
    /// <summary>Parsed as numbers.</summary>
    Numeric,

    /// <summary>Kept as text (e.g. zip codes, ids).</summary>
    Text,
}
