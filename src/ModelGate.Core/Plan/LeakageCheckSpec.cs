namespace ModelGate.Core.Plan;

/// <summary>
/// Leakage between the train sample and the holdout: holdout rows that repeat a train row over the features (and those
/// whose label differs from the repeated row's), and single features that predict the label almost perfectly.
/// </summary>
internal sealed record LeakageCheckSpec : CheckSpec
{
    /// <summary>The features compared (the engine fills in the model inputs when the policy names none).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Largest allowed number of holdout rows that duplicate a train row.</summary>
    public int? DuplicatesAtMost { get; init; }

    /// <summary>Largest allowed number of duplicate rows whose label differs from the train row's.</summary>
    public int? ConflictingAtMost { get; init; }

    /// <summary>Largest allowed single-feature score (balanced accuracy or R²) of any feature.</summary>
    public double? LabelProxyAtMost { get; init; }

    /// <inheritdoc/>
    public override bool NeedsBaseline => false;
}
