namespace ModelGate.Core.Evaluation;

/// <summary>
/// What a leakage check reads: each feature and the label in the train sample (reference side) and the holdout, and the
/// holdout's row ids (in holdout order, before any row is left out for invalid scores).
/// </summary>
/// <param name="Features">The features compared, reference = train.</param>
/// <param name="Label">The label column, reference = train.</param>
/// <param name="RowIds">The holdout's row ids, one per holdout row.</param>
internal sealed record LeakageSample(IReadOnlyList<FeatureSample> Features, FeatureSample Label, IReadOnlyList<string> RowIds);
