namespace ModelGate.Core;

/// <summary>What the model predicts, which decides the metrics that apply.</summary>
internal enum TaskKind
{
    /// <summary>Two classes; scores are P(positive class).</summary>
    Binary,

    /// <summary>Three or more classes; scores are a probability per class.</summary>
    Multiclass,

    /// <summary>A real-valued target.</summary>
    Regression,
}
