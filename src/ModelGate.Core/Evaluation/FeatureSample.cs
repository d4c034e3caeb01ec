namespace ModelGate.Core.Evaluation;

/// <summary>
/// One feature's values in the reference (train sample or a reference file) and in the holdout, for drift checks.
/// Numeric features carry numbers (missing = NaN); categorical ones text (missing = null). Missing values are left out.
/// </summary>
/// <param name="Name">The column name.</param>
/// <param name="ReferenceNumbers">Reference values of a numeric feature; null for a categorical one.</param>
/// <param name="HoldoutNumbers">Holdout values of a numeric feature; null for a categorical one.</param>
/// <param name="ReferenceText">Reference values of a categorical feature; null for a numeric one.</param>
/// <param name="HoldoutText">Holdout values of a categorical feature; null for a numeric one.</param>
internal sealed record FeatureSample(
    string Name,
    double[]? ReferenceNumbers,
    double[]? HoldoutNumbers,
    IReadOnlyList<string?>? ReferenceText = null,
    IReadOnlyList<string?>? HoldoutText = null)
{
    /// <summary>True when the feature is compared as categories (chi-square, Jensen–Shannon) rather than numbers.</summary>
    public bool IsCategorical => ReferenceNumbers is null || HoldoutNumbers is null;
}
