using ModelGate.Core.Results;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;

namespace ModelGate.Core.Tests;

/// <summary>Evaluation data built from the fixture models' real predictions on the breast cancer and arrests holdouts.</summary>
internal static class GateData
{
    /// <summary>The policy's own checks, without the scores_valid check every run judges first.</summary>
    public static IReadOnlyList<CheckResult> Judged(this GateResult result) =>
        [.. result.Checks.Where(c => c.Spec is not ScoresValidCheckSpec)];

    public static readonly DateOnly Today = new(2026, 11, 22);

    public static Predictions Scores(string model)
    {
        var scores = model == "mlp_breast_cancer_retrained"
            ? ReferenceData.Doubles(ReferenceData.Statistics.GetProperty("retrained_scores"))
            : ReferenceData.Doubles(ReferenceData.Case(model).GetProperty("scores"));
        return new Predictions(scores, scores.Length / 2, 2);
    }

    public static int[] Labels(string model) => ReferenceData.Ints(ReferenceData.Case(model == "mlp_breast_cancer_retrained" ? "mlp_breast_cancer" : model).GetProperty("labels"));

    public static EvaluationData BreastCancer(string candidate, string? baseline = "mlp_breast_cancer") => new()
    {
        Task = TaskKind.Binary,
        ClassLabels = Labels("mlp_breast_cancer"),
        ClassNames = ["malignant", "benign"],
        Candidate = Scores(candidate),
        Baseline = baseline is null ? null : Scores(baseline),
    };

    public static GatePlan Plan(params CheckSpec[] checks) => new()
    {
        Task = TaskKind.Binary,
        Checks = checks,
        Statistics = new StatisticsOptions(Resamples: 400),
    };

    public static MetricCheckSpec MetricCheck(string metric, Bound? absolute = null, ChangeBound? change = null, Severity severity = Severity.Error, Waiver? waiver = null, ComparisonTest test = ComparisonTest.Bootstrap) => new()
    {
        Id = metric,
        Title = metric,
        Metric = metric,
        Absolute = absolute ?? new Bound(),
        Change = change ?? new ChangeBound(),
        Severity = severity,
        Waiver = waiver,
        Test = test,
    };
}
