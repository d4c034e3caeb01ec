namespace ModelGate.Core.Plan;

/// <summary>One requirement of the policy. Subtypes say what is checked; this says how much it matters.</summary>
internal abstract record CheckSpec
{
    /// <summary>Stable identifier, unique in the plan (used by waivers, JSON, JUnit and annotations), e.g. <c>roc_auc</c> or <c>subgroups.recall</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The title a reader sees.</summary>
    public required string Title { get; init; }

    /// <summary>How a failure counts for the gate.</summary>
    public Severity Severity { get; init; } = Severity.Error;

    /// <summary>An exception that may turn a failure into "waived".</summary>
    public Waiver? Waiver { get; init; }

    /// <summary>Where the check is written in the policy file.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>
    /// True when the policy marks the check <c>optional: true</c>: if its metric cannot be computed on this holdout it is
    /// skipped. Otherwise a check that cannot be computed is inconclusive and follows <see cref="StatisticsOptions.Uncomputable"/>.
    /// </summary>
    public bool Optional { get; init; }

    /// <summary>
    /// Slices whose groups the check is judged on as well as the whole holdout (drift, prediction drift, leakage and
    /// reject-rate checks: <c>slices: [...]</c>); empty for the whole holdout only.
    /// </summary>
    public IReadOnlyList<string> PerSlice { get; init; } = [];

    /// <summary>True when judging this check needs a baseline model.</summary>
    public abstract bool NeedsBaseline { get; }
}

/// <summary>Absolute bounds on a candidate metric and/or a change bound vs the baseline.</summary>
internal sealed record MetricCheckSpec : CheckSpec
{
    /// <summary>Metric id from <see cref="Metrics.MetricCatalog"/>.</summary>
    public required string Metric { get; init; }

    /// <summary>Bounds on the candidate's own value (judged on its interval).</summary>
    public Bound Absolute { get; init; } = new();

    /// <summary>Bound on candidate minus baseline (judged on the paired interval of the delta).</summary>
    public ChangeBound Change { get; init; } = new();

    /// <summary>Interval method for the delta.</summary>
    public ComparisonTest Test { get; init; } = ComparisonTest.Bootstrap;

    /// <inheritdoc/>
    public override bool NeedsBaseline => !Change.IsEmpty;
}

/// <summary>Train metric minus holdout metric of the candidate, oriented so that positive means "worse on holdout".</summary>
internal sealed record GeneralizationGapCheckSpec : CheckSpec
{
    /// <summary>Metric id.</summary>
    public required string Metric { get; init; }

    /// <summary>Largest allowed gap.</summary>
    public required double AtMost { get; init; }

    /// <inheritdoc/>
    public override bool NeedsBaseline => false;
}

/// <summary>How calibration bins are formed.</summary>
internal enum Binning
{
    /// <summary>Equal-width bins on [0, 1].</summary>
    EqualWidth,

    /// <summary>Equal-mass (adaptive) bins: each holds the same number of rows.</summary>
    EqualMass,
}

/// <summary>A calibration metric with absolute and change bounds.</summary>
internal sealed record CalibrationCheckSpec : CheckSpec
{
    /// <summary>One of ece, ece_adaptive, classwise_ece, mce, brier, log_loss.</summary>
    public required string Metric { get; init; }

    /// <summary>Number of bins for binned metrics.</summary>
    public int Bins { get; init; } = 15;

    /// <summary>Bound on the candidate's value.</summary>
    public Bound Absolute { get; init; } = new();

    /// <summary>Bound on candidate minus baseline (calibration errors: an increase is a regression).</summary>
    public ChangeBound Change { get; init; } = new();

    /// <inheritdoc/>
    public override bool NeedsBaseline => !Change.IsEmpty;
}

/// <summary>A metric per group of one or more slices: worst group, spread across groups, drop per group vs baseline.</summary>
internal sealed record SubgroupCheckSpec : CheckSpec
{
    /// <summary>Names of <see cref="SliceSpec"/>s.</summary>
    public required IReadOnlyList<string> Slices { get; init; }

    /// <summary>Metric id.</summary>
    public required string Metric { get; init; }

    /// <summary>Bound on the worst group's value (worst by the metric's direction).</summary>
    public Bound WorstGroup { get; init; } = new();

    /// <summary>Largest allowed max - min across groups of one slice.</summary>
    public double? MaxGap { get; init; }

    /// <summary>Largest allowed regression per group vs the baseline (paired, with FDR control across groups).</summary>
    public double? MaxDropPerGroup { get; init; }

    /// <inheritdoc/>
    public override bool NeedsBaseline => MaxDropPerGroup is not null;
}

/// <summary>Fairlearn's disparity definitions across the groups of slices.</summary>
internal sealed record FairnessCheckSpec : CheckSpec
{
    /// <summary>Names of <see cref="SliceSpec"/>s.</summary>
    public required IReadOnlyList<string> Slices { get; init; }

    /// <summary>Bounds per disparity id: demographic_parity_difference, demographic_parity_ratio, equalized_odds_difference, equalized_odds_ratio, equal_opportunity_difference.</summary>
    public required IReadOnlyDictionary<string, Bound> Disparities { get; init; }

    /// <summary>When set, the candidate's disparity may not exceed the baseline's by more than this (worsening).</summary>
    public double? MaxIncrease { get; init; }

    /// <inheritdoc/>
    public override bool NeedsBaseline => MaxIncrease is not null;
}

/// <summary>Rows where the candidate must not get worse than the baseline, whatever the averages say.</summary>
internal sealed record SafetyCheckSpec : CheckSpec
{
    /// <summary>Key of the row mask in <see cref="Evaluation.EvaluationData.SafetySets"/>.</summary>
    public required string Set { get; init; }

    /// <summary>Human description of the set (the where-expression or file), for the report.</summary>
    public string? Description { get; init; }

    /// <summary>Largest allowed count of negative flips (baseline right, candidate wrong) in the set.</summary>
    public int? NegativeFlipsAtMost { get; init; }

    /// <summary>Largest allowed negative flip rate (flips / rows in the set).</summary>
    public double? NegativeFlipRateAtMost { get; init; }

    /// <summary>Optional metric floor/ceiling on the candidate within the set.</summary>
    public string? Metric { get; init; }

    /// <summary>Bound for <see cref="Metric"/>.</summary>
    public Bound MetricBound { get; init; } = new();

    /// <inheritdoc/>
    public override bool NeedsBaseline => NegativeFlipsAtMost is not null || NegativeFlipRateAtMost is not null;
}

/// <summary>Inference latency percentile at a batch size, absolute and vs baseline.</summary>
internal sealed record LatencyCheckSpec : CheckSpec
{
    /// <summary>Rows per call.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Percentile in (0, 100], e.g. 95.</summary>
    public double Percentile { get; init; } = 95;

    /// <summary>Largest allowed latency in milliseconds.</summary>
    public double? AtMostMs { get; init; }

    /// <summary>Largest allowed (candidate - baseline) / baseline.</summary>
    public double? MaxRelativeIncrease { get; init; }

    /// <inheritdoc/>
    public override bool NeedsBaseline => MaxRelativeIncrease is not null;
}

/// <summary>Model file size, absolute and vs baseline.</summary>
internal sealed record ModelSizeCheckSpec : CheckSpec
{
    /// <summary>Largest allowed size in megabytes (10^6 bytes).</summary>
    public double? AtMostMb { get; init; }

    /// <summary>Largest allowed (candidate - baseline) / baseline.</summary>
    public double? MaxRelativeIncrease { get; init; }

    /// <inheritdoc/>
    public override bool NeedsBaseline => MaxRelativeIncrease is not null;
}

/// <summary>
/// The candidate's scores are numbers a model can be judged on: every row finite (no NaN or infinity), up to a budget.
/// Always judged first; a run whose candidate broke this budget fails whatever the other checks say.
/// </summary>
internal sealed record ScoresValidCheckSpec : CheckSpec
{
    /// <summary>The id this check always has.</summary>
    public const string CheckId = "scores_valid";

    /// <summary>Largest number of rows the candidate may score NaN or infinite (0 by default).</summary>
    public int MaxInvalidRows { get; init; }

    /// <inheritdoc/>
    public override bool NeedsBaseline => false;
}
