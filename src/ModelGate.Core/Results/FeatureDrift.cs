namespace ModelGate.Core.Results;

/// <summary>How far one feature's (or one score's) distribution moved from the reference to the holdout.</summary>
internal sealed record FeatureDrift
{
    /// <summary>The feature, or for prediction drift what is compared (e.g. "candidate vs baseline").</summary>
    public required string Feature { get; init; }

    /// <summary>True when compared as categories (chi-square and Jensen–Shannon), false for numbers (Kolmogorov–Smirnov and Wasserstein).</summary>
    public bool Categorical { get; init; }

    /// <summary>Reference values used (missing ones left out).</summary>
    public required int ReferenceRows { get; init; }

    /// <summary>Holdout values used (missing ones left out).</summary>
    public required int HoldoutRows { get; init; }

    /// <summary>Population stability index (binning in <see cref="Drift.PopulationStability"/>); NaN when a side has no values.</summary>
    public required double Psi { get; init; }

    /// <summary>The test's statistic: Kolmogorov–Smirnov D (numeric) or χ² (categorical).</summary>
    public required double Statistic { get; init; }

    /// <summary>The test's two-sided p-value, before adjustment.</summary>
    public required double PValue { get; init; }

    /// <summary>The p-value adjusted across the check's features (Benjamini–Hochberg or Holm); null for prediction drift.</summary>
    public double? AdjustedPValue { get; init; }

    /// <summary>Wasserstein-1 distance, in the feature's units (numeric only).</summary>
    public double? Wasserstein { get; init; }

    /// <summary>Jensen–Shannon distance, base 2, in [0, 1] (categorical only).</summary>
    public double? JensenShannon { get; init; }

    /// <summary>True when the adjusted p-value is below the check's alpha.</summary>
    public bool Drifted { get; init; }

    /// <summary>True when this row breaks one of the check's bounds (PSI, KS or Wasserstein).</summary>
    public bool BeyondBound { get; init; }
}
