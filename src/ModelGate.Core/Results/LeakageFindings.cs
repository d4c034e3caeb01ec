namespace ModelGate.Core.Results;

/// <summary>Train rows found again in the holdout, and features that give the label away.</summary>
internal sealed record LeakageFindings
{
    /// <summary>Holdout rows whose every feature equals those of some train row.</summary>
    public required int DuplicateRows { get; init; }

    /// <summary>Up to <see cref="Drift.Leakage.ListedIds"/> ids of such rows.</summary>
    public IReadOnlyList<string> DuplicateIds { get; init; } = [];

    /// <summary>Duplicate holdout rows whose label differs from a train row with the same features.</summary>
    public required int ConflictingRows { get; init; }

    /// <summary>Up to <see cref="Drift.Leakage.ListedIds"/> ids of such rows.</summary>
    public IReadOnlyList<string> ConflictingIds { get; init; } = [];

    /// <summary>Holdout rows compared.</summary>
    public required int HoldoutRows { get; init; }

    /// <summary>How well each feature alone predicts the label (<see cref="Drift.Leakage"/>), most predictive first.</summary>
    public IReadOnlyList<LabelProxy> Proxies { get; init; } = [];
}

/// <summary>How well one feature alone predicts the label on the holdout, by a lookup table learnt on the train sample.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Score">Balanced accuracy (classification) or R² (regression).</param>
/// <param name="BeyondBound">True when the score is above the check's <c>label_proxy.at_most</c>.</param>
internal sealed record LabelProxy(string Feature, double Score, bool BeyondBound);
