namespace ModelGate.Core.Plan;

/// <summary>How p-values are adjusted across the features of one drift check.</summary>
internal enum MultipleTesting
{
    /// <summary>Benjamini–Hochberg: controls the false discovery rate among the flagged features.</summary>
    BenjaminiHochberg,

    /// <summary>Holm: controls the family-wise error rate (the chance of flagging any undrifted feature).</summary>
    Holm,
}

/// <summary>
/// Feature drift between a reference (the train sample or a reference file) and the holdout: per feature PSI, KS or
/// chi-square (with p-values adjusted across features) and Wasserstein or Jensen–Shannon; bounds on PSI per feature
/// and on the share of features whose adjusted test rejects.
/// </summary>
internal sealed record DriftCheckSpec : CheckSpec
{
    /// <summary>The features compared, in report order (the engine fills in the model inputs when the policy names none).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>What the reference is, for the report: "the train sample" or a file name.</summary>
    public string ReferenceName { get; init; } = "the train sample";

    /// <summary>PSI bins (equal-mass on the reference) for numeric features.</summary>
    public int Bins { get; init; } = 10;

    /// <summary>A feature is drifted when its adjusted p-value is below this.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>The adjustment across features.</summary>
    public MultipleTesting Correction { get; init; } = MultipleTesting.BenjaminiHochberg;

    /// <summary>Largest allowed PSI of any one feature.</summary>
    public double? PsiAtMost { get; init; }

    /// <summary>Largest allowed share (0..1) of drifted features.</summary>
    public double? DriftedShareAtMost { get; init; }

    /// <inheritdoc/>
    public override bool NeedsBaseline => false;
}

/// <summary>Which score distribution the candidate's holdout scores are compared with.</summary>
internal enum PredictionDriftReference
{
    /// <summary>The baseline's scores on the same holdout rows.</summary>
    Baseline,

    /// <summary>The candidate's own scores on the train sample.</summary>
    Train,
}

/// <summary>
/// Prediction drift: the candidate's score distribution on the holdout against the baseline's on the same rows, or
/// against its own on the train sample; bounded by PSI, the KS statistic and the Wasserstein distance.
/// </summary>
internal sealed record PredictionDriftCheckSpec : CheckSpec
{
    /// <summary>What the candidate's holdout scores are compared with.</summary>
    public PredictionDriftReference Against { get; init; } = PredictionDriftReference.Baseline;

    /// <summary>PSI bins (equal-mass on the reference scores).</summary>
    public int Bins { get; init; } = 10;

    /// <summary>Largest allowed PSI.</summary>
    public double? PsiAtMost { get; init; }

    /// <summary>Largest allowed Kolmogorov–Smirnov statistic D.</summary>
    public double? KsAtMost { get; init; }

    /// <summary>Largest allowed Wasserstein-1 distance (in score units).</summary>
    public double? WassersteinAtMost { get; init; }

    /// <inheritdoc/>
    public override bool NeedsBaseline => Against == PredictionDriftReference.Baseline;
}
