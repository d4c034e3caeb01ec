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
        var check = Assert.Single(result.Judged());
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
        Assert.All(result.Judged(), c =>
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
        var check = Assert.Single(result.Judged());
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
        Assert.Equal(Verdict.Inconclusive, result.Judged()[0].Verdict);
        Assert.True(result.Judged()[0].Blocks);
        Assert.False(result.Passed);
    }

    [Fact]
    public void Point_estimate_mode_judges_the_point_only()
    {
        var plan = GateData.Plan(GateData.MetricCheck("roc_auc", change: NoDrop)) with { Statistics = new StatisticsOptions(Resamples: 400, Mode: JudgeMode.PointEstimate) };
        var result = GateEvaluator.Evaluate(plan, GateData.BreastCancer("mlp_breast_cancer", "mlp_breast_cancer_retrained"), GateData.Today);
        // The retrained copy has the higher AUC, so the original as candidate is "worse" on the point estimate.
        Assert.Equal(Verdict.Fail, result.Judged()[0].Verdict);
        Assert.Contains("misses", result.Judged()[0].Reason, StringComparison.Ordinal);
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
        // Accuracy's interval straddles 0.965 with its estimate below it: a likely regression, which fails by default.
        Assert.Equal([Verdict.Pass, Verdict.Fail, Verdict.Fail], result.Judged().Select(c => c.Verdict));
        Assert.True(result.Judged()[2].LikelyRegression);
        Assert.StartsWith("likely regression", result.Judged()[2].Reason, StringComparison.Ordinal);
        Assert.Equal("≥ 0.9", result.Judged()[0].Threshold);
        Assert.Contains("the ceiling 0.01", result.Judged()[1].Reason, StringComparison.Ordinal);
        Assert.False(result.HasBaseline);
        Assert.Null(result.Flips);
    }

    [Fact]
    public void Change_checks_without_a_baseline_are_skipped_with_the_reason()
    {
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", change: NoDrop)), GateData.BreastCancer("mlp_breast_cancer", baseline: null), GateData.Today);
        Assert.Equal(Verdict.Skipped, result.Judged()[0].Verdict);
        Assert.Contains("needs a baseline", result.Judged()[0].Reason, StringComparison.Ordinal);
        Assert.True(result.Passed);
    }

    [Fact]
    public void Undefined_metrics_are_inconclusive_with_the_reason_and_block()
    {
        var data = new EvaluationData
        {
            Task = TaskKind.Binary,
            ClassLabels = [1, 1, 1, 1],
            Candidate = new Predictions([0.2, 0.8, 0.4, 0.6, 0.1, 0.9, 0.3, 0.7], 4, 2),
        };
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", new Bound(AtLeast: 0.5))), data, GateData.Today);
        Assert.Equal(Verdict.Inconclusive, result.Judged()[0].Verdict);
        Assert.True(result.Judged()[0].Uncomputable);
        Assert.True(result.Judged()[0].Blocks);
        Assert.False(result.Passed);
        Assert.Contains("no negative rows", result.Judged()[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpired_waiver_turns_a_fail_into_waived()
    {
        var waiver = new Waiver("known regression, fix in #42", "ana", GateData.Today);
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", change: NoDrop, waiver: waiver)), GateData.BreastCancer("mlp_breast_cancer_degraded"), GateData.Today);
        Assert.Equal(Verdict.Waived, result.Judged()[0].Verdict);
        Assert.False(result.Judged()[0].Blocks);
        Assert.True(result.Passed);
        Assert.Contains("waived until 2026-11-22 by ana", result.Judged()[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_waiver_does_not_apply_and_says_so()
    {
        var waiver = new Waiver("temporary", "ana", GateData.Today.AddDays(-1));
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", change: NoDrop, waiver: waiver)), GateData.BreastCancer("mlp_breast_cancer_degraded"), GateData.Today);
        Assert.Equal(Verdict.Fail, result.Judged()[0].Verdict);
        Assert.True(result.Judged()[0].WaiverExpired);
        Assert.True(result.Judged()[0].Blocks);
        Assert.Contains("expired on 2026-11-21", result.Judged()[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_warning_does_not_block()
    {
        var result = GateEvaluator.Evaluate(GateData.Plan(GateData.MetricCheck("roc_auc", change: NoDrop, severity: Severity.Warning)), GateData.BreastCancer("mlp_breast_cancer_degraded"), GateData.Today);
        Assert.Equal(Verdict.Fail, result.Judged()[0].Verdict);
        Assert.False(result.Judged()[0].Blocks);
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
        var mcnemar = result.Judged()[0];
        Assert.Equal(Verdict.Fail, mcnemar.Verdict);
        ReferenceData.Close(0.0025768280029296875, mcnemar.PValue!.Value, 1e-9, "McNemar p");
        ReferenceData.Close((3 - 17) / 171.0, mcnemar.Delta!.Value, 1e-12, "accuracy delta");
        var delong = result.Judged()[1];
        var expected = ReferenceData.Statistics.GetProperty("delong")[0];
        ReferenceData.Close(expected.GetProperty("p_value").GetDouble(), delong.PValue!.Value, 1e-7, "DeLong p");
        Assert.Equal(Verdict.Fail, delong.Verdict);
    }

    [Fact]
    public void Non_finite_candidate_rows_fail_scores_valid_and_a_non_finite_baseline_is_not_compared()
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

        // Only the candidate's invalid row leaves the metrics, and the scores_valid check says so.
        Assert.Equal(170, result.Rows);
        Assert.Equal(1, result.NonFiniteScoreRowCount);
        Assert.Equal(["id4"], result.NonFiniteScoreRows);
        var valid = result.Checks[0];
        Assert.Equal("scores_valid", valid.Spec.Id);
        Assert.Equal(Verdict.Fail, valid.Verdict);
        Assert.True(valid.Blocks);
        Assert.Contains("1 of 171 holdout rows", valid.Reason, StringComparison.Ordinal);
        Assert.Contains("id4", valid.Reason, StringComparison.Ordinal);

        // The baseline's infinite row makes it unusable: the comparison is inconclusive with the reason, not computed on a subset.
        Assert.Contains("id9", result.BaselineProblem, StringComparison.Ordinal);
        Assert.False(result.HasBaseline);
        Assert.Equal(Verdict.Inconclusive, result.Judged()[0].Verdict);
        Assert.Contains("the baseline scored NaN or infinity on 1 row (id9)", result.Judged()[0].Reason, StringComparison.Ordinal);
        Assert.False(result.Passed);
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
