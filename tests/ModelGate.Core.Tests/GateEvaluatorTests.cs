using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;
using ModelGate.Core.Verdicts;

namespace ModelGate.Core.Tests;

public class GateEvaluatorTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly ChangeBound NoDrop = new(MaxDrop: 0);
    private static readonly ChangeBound SmallDrop = new(MaxDrop: 0.005);

    [Fact]
    public void A_planted_regression_of_three_auc_points_fails()
    {
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", change: NoDrop)), GateData.BreastCancer("mlp_breast_cancer_degraded"), GateData.Today);
        var check = Assert.Single(result.Checks);
        output.WriteLine(check.Reason);
        Assert.Equal(Verdict.Fail, check.Verdict);
        Assert.True(check.Blocks);
        Assert.False(result.Passed);
        Assert.True(check.Delta!.Interval!.Value.Upper < 0);
        Assert.InRange(check.Delta.Value, -0.035, -0.028);
        Assert.StartsWith("delta -0.03", check.Reason, StringComparison.Ordinal);
        Assert.Contains("is beyond the allowed drop 0", check.Reason, StringComparison.Ordinal);
        Assert.Equal("drop ≤ 0", check.Threshold);
    }

    [Fact]
    public void A_model_against_itself_passes_no_regression_with_a_zero_width_interval()
    {
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", change: NoDrop), GateData.MetricCheck("log_loss", change: new ChangeBound(MaxIncrease: 0))), GateData.BreastCancer("mlp_breast_cancer"), GateData.Today);
        Assert.All(result.Checks, c =>
        {
            Assert.Equal(Verdict.Pass, c.Verdict);
            Assert.Equal(0, c.Delta!.Value);
            Assert.Equal(0, c.Delta.Interval!.Value.Width);
            Assert.Equal(1, c.PValue);
        });
        Assert.True(result.Passed);
        Assert.All(result.Headline, h => Assert.Equal(0, h.Delta!.Value));
    }

    [Fact]
    public void An_interval_straddling_the_bound_is_inconclusive_and_only_warns_by_default()
    {
        // The retrained copy is 0.0035 AUC better on this holdout; an allowed drop of 0.005 sits inside the interval.
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", change: SmallDrop)), GateData.BreastCancer("mlp_breast_cancer", "mlp_breast_cancer_retrained"), GateData.Today);
        var check = Assert.Single(result.Checks);
        Assert.Equal(Verdict.Inconclusive, check.Verdict);
        Assert.Contains("straddles", check.Reason, StringComparison.Ordinal);
        Assert.False(check.Blocks);
        Assert.True(result.Passed);
        Assert.NotNull(check.MinimumDetectableEffect);
        Assert.True(check.RowsNeeded > 171);
    }

    [Fact]
    public void Inconclusive_blocks_when_configured_as_error()
    {
        var plan = GateData.Plan(GateData.MetricCheck("roc_auc", change: SmallDrop)) with { Statistics = new StatisticsOptions(Resamples: 400, InconclusiveSeverity: Severity.Error) };
        var result = GateEvaluator.Evaluate(plan, GateData.BreastCancer("mlp_breast_cancer", "mlp_breast_cancer_retrained"), GateData.Today);
        Assert.Equal(Verdict.Inconclusive, result.Checks[0].Verdict);
        Assert.True(result.Checks[0].Blocks);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Point_estimate_mode_judges_the_point_only()
    {
        var plan = GateData.Plan(GateData.MetricCheck("roc_auc", change: NoDrop)) with { Statistics = new StatisticsOptions(Resamples: 400, Mode: JudgeMode.PointEstimate) };
        var result = GateEvaluator.Evaluate(plan, GateData.BreastCancer("mlp_breast_cancer", "mlp_breast_cancer_retrained"), GateData.Today);
        // The retrained copy has the higher AUC, so the original as candidate is "worse" on the point estimate.
        Assert.Equal(Verdict.Fail, result.Checks[0].Verdict);
        Assert.Contains("misses", result.Checks[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Absolute_bounds_are_judged_on_the_candidates_interval()
    {
        var result = GateEvaluator.Evaluate(
            GateData.Plan(
                GateData.MetricCheck("roc_auc", new Bound(AtLeast: 0.9)),
                GateData.MetricCheck("log_loss", new Bound(AtMost: 0.01)),
                GateData.MetricCheck("accuracy", new Bound(AtLeast: 0.965))),
            GateData.BreastCancer("mlp_breast_cancer", baseline: null),
            GateData.Today);
        Assert.Equal([Verdict.Pass, Verdict.Fail, Verdict.Inconclusive], result.Checks.Select(c => c.Verdict));
        Assert.Equal("≥ 0.9", result.Checks[0].Threshold);
        Assert.Contains("the ceiling 0.01", result.Checks[1].Reason, StringComparison.Ordinal);
        Assert.False(result.HasBaseline);
        Assert.Null(result.Flips);
    }

    [Fact]
    public void Change_checks_without_a_baseline_are_skipped_with_the_reason()
    {
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", change: NoDrop)), GateData.BreastCancer("mlp_breast_cancer", baseline: null), GateData.Today);
        Assert.Equal(Verdict.Skipped, result.Checks[0].Verdict);
        Assert.Contains("needs a baseline", result.Checks[0].Reason, StringComparison.Ordinal);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Undefined_metrics_are_skipped_with_the_reason()
    {
        var data = new EvaluationData
        {
            Task = TaskKind.Binary,
            ClassLabels = [1, 1, 1, 1],
            Candidate = new Predictions([0.2, 0.8, 0.4, 0.6, 0.1, 0.9, 0.3, 0.7], 4, 2),
        };
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", new Bound(AtLeast: 0.5))), data, GateData.Today);
        Assert.Equal(Verdict.Skipped, result.Checks[0].Verdict);
        Assert.Contains("no negative rows", result.Checks[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpired_waiver_turns_a_fail_into_waived()
    {
        var waiver = new Waiver("known regression, fix in #42", "ana", GateData.Today);
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", change: NoDrop, waiver: waiver)), GateData.BreastCancer("mlp_breast_cancer_degraded"), GateData.Today);
        Assert.Equal(Verdict.Waived, result.Checks[0].Verdict);
        Assert.False(result.Checks[0].Blocks);
        Assert.True(result.Passed);
        Assert.Contains("waived until 2026-11-22 by ana", result.Checks[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_waiver_does_not_apply_and_says_so()
    {
        var waiver = new Waiver("temporary", "ana", GateData.Today.AddDays(-1));
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", change: NoDrop, waiver: waiver)), GateData.BreastCancer("mlp_breast_cancer_degraded"), GateData.Today);
        Assert.Equal(Verdict.Fail, result.Checks[0].Verdict);
        Assert.True(result.Checks[0].WaiverExpired);
        Assert.True(result.Checks[0].Blocks);
        Assert.Contains("expired on 2026-11-21", result.Checks[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_warning_does_not_block()
    {
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", change: NoDrop, severity: Severity.Warning)), GateData.BreastCancer("mlp_breast_cancer_degraded"), GateData.Today);
        Assert.Equal(Verdict.Fail, result.Checks[0].Verdict);
        Assert.False(result.Checks[0].Blocks);
        Assert.True(result.Passed);
    }

    [Fact]
    public void McNemar_and_DeLong_give_the_delta_its_interval_and_p_value()
    {
        var result = GateEvaluator.Evaluate(
            GateData.Plan(
                GateData.MetricCheck("accuracy", change: NoDrop, test: ComparisonTest.McNemar),
                GateData.MetricCheck("roc_auc", change: NoDrop, test: ComparisonTest.DeLong)),
            GateData.BreastCancer("mlp_breast_cancer_degraded"),
            GateData.Today);
        var mcnemar = result.Checks[0];
        Assert.Equal(Verdict.Fail, mcnemar.Verdict);
        ReferenceData.Close(0.0025768280029296875, mcnemar.PValue!.Value, 1e-9, "McNemar p");
        ReferenceData.Close((3 - 17) / 171.0, mcnemar.Delta!.Value, 1e-12, "accuracy delta");
        var delong = result.Checks[1];
        var expected = ReferenceData.Statistics.GetProperty("delong")[0];
        ReferenceData.Close(expected.GetProperty("p_value").GetDouble(), delong.PValue!.Value, 1e-7, "DeLong p");
        Assert.Equal(Verdict.Fail, delong.Verdict);
    }

    [Fact]
    public void Rows_with_non_finite_scores_are_excluded_and_counted()
    {
        var data = GateData.BreastCancer("mlp_breast_cancer_degraded");
        var candidate = (double[])data.Candidate.Scores.Clone();
        candidate[2 * 4] = double.NaN;
        var baseline = (double[])data.Baseline!.Scores.Clone();
        baseline[(2 * 9) + 1] = double.PositiveInfinity;
        data = data with
        {
            Candidate = new Predictions(candidate, 171, 2),
            Baseline = new Predictions(baseline, 171, 2),
            RowIds = [.. Enumerable.Range(0, 171).Select(i => $"id{i}")],
        };
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", change: NoDrop)), data, GateData.Today);
        Assert.Equal(169, result.Rows);
        Assert.Equal(2, result.NonFiniteScoreRowCount);
        Assert.Equal(["id4", "id9"], result.NonFiniteScoreRows);
        Assert.Equal(Verdict.Fail, result.Checks[0].Verdict);
    }

    [Fact]
    public void The_report_gets_headline_metrics_calibration_curves_and_flips()
    {
        var result = GateEvaluator.Evaluate(GateData.Plan(), GateData.BreastCancer("mlp_breast_cancer_degraded"), GateData.Today);
        Assert.Equal(["roc_auc", "average_precision", "accuracy", "precision", "recall", "f1", "log_loss", "brier", "ece"], result.Headline.Select(h => h.Metric));
        Assert.All(result.Headline, h => Assert.NotNull(h.Candidate.Interval));
        Assert.Equal(2, result.Calibration.Count);
        Assert.Equal(171, result.Calibration[0].Candidate.Sum(b => b.Count));
        Assert.Equal(17, result.Flips!.NegativeFlips);
        Assert.Equal(3, result.Flips.PositiveFlips);
        Assert.Equal(17, result.Flips.NegativeFlipRowIds.Count);
        Assert.True(result.Passed);
    }
}
