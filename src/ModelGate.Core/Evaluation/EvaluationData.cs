namespace ModelGate.Core.Evaluation;

/// <summary>
/// The columns a gate run judges: labels, both models' predictions on the same rows, slices, safety sets.
/// Built by the caller (the CLI) from the holdout and the models; Core never reads files.
/// </summary>
internal sealed record EvaluationData
{
    /// <summary>The task.</summary>
    public required TaskKind Task { get; init; }

    /// <summary>Classification: the class index per row (0..K-1; binary: 1 = positive). Null for regression.</summary>
    public int[]? ClassLabels { get; init; }

    /// <summary>Regression: the target per row. Null for classification.</summary>
    public double[]? Targets { get; init; }

    /// <summary>Class names in index order (binary: [negative, positive]); empty for regression.</summary>
    public IReadOnlyList<string> ClassNames { get; init; } = [];

    /// <summary>The candidate's predictions.</summary>
    public required Predictions Candidate { get; init; }

    /// <summary>The baseline's predictions on the same rows, when a baseline is configured.</summary>
    public Predictions? Baseline { get; init; }

    /// <summary>Row ids for the report (the policy's id column); null means 1-based row numbers.</summary>
    public IReadOnlyList<string>? RowIds { get; init; }

    /// <summary>Optional per-row weights (all 1 when null).</summary>
    public double[]? Weights { get; init; }

    /// <summary>Group keys per slice name.</summary>
    public IReadOnlyDictionary<string, SliceColumn> Slices { get; init; } = new Dictionary<string, SliceColumn>();

    /// <summary>Row masks per safety set key.</summary>
    public IReadOnlyDictionary<string, bool[]> SafetySets { get; init; } = new Dictionary<string, bool[]>();

    /// <summary>The candidate on the train sample, for the generalization gap; null when no train data is configured.</summary>
    public TrainSample? Train { get; init; }

    /// <summary>Reference and holdout values of the features each drift check compares, by check id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FeatureSample>> DriftFeatures { get; init; } = new Dictionary<string, IReadOnlyList<FeatureSample>>();

    /// <summary>Train and holdout features and labels of each leakage check, by check id.</summary>
    public IReadOnlyDictionary<string, LeakageSample> Leakage { get; init; } = new Dictionary<string, LeakageSample>();

    /// <summary>The windows of each rolling-window check (the holdout cut along its order column), by check id.</summary>
    public IReadOnlyDictionary<string, SliceColumn> Windows { get; init; } = new Dictionary<string, SliceColumn>();

    /// <summary>Each robustness check's perturbed copies, reduced per row, by check id (only when the models ran in this process).</summary>
    public IReadOnlyDictionary<string, RobustnessSample> Robustness { get; init; } = new Dictionary<string, RobustnessSample>();

    /// <summary>Size and latency; null when not measured.</summary>
    public ModelMeasurements? Measurements { get; init; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Candidate.RowCount;
}

/// <summary>Labels and candidate predictions on the train sample.</summary>
internal sealed record TrainSample(int[]? ClassLabels, double[]? Targets, Predictions Candidate);
