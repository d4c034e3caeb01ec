using System.Globalization;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;
using ModelGate.Core.Slices;
using ModelGate.Core.Verdicts;

namespace ModelGate.Core.Tests;

public class GateCheckKindTests
{
    private static SliceColumn RadiusBins()
    {
        var lines = File.ReadAllLines(RepoPaths.Fixture("data", "breast_cancer.holdout.csv"));
        var column = Array.IndexOf(lines[0].Split(','), "mean_radius");
        var values = lines.Skip(1).Select(l => double.Parse(l.Split(',')[column], CultureInfo.InvariantCulture)).ToArray();
        return SliceKeys.FromNumeric(values, [0, 12, 15, 30], "radius");
    }

    private static EvaluationData WithSlices(EvaluationData data) => data with { Slices = new Dictionary<string, SliceColumn> { ["radius"] = RadiusBins() } };

    [Fact]
    public void Subgroup_checks_judge_every_group_flag_small_ones_and_adjust_p_values()
    {
        var spec = new SubgroupCheckSpec
        {
            Id = "subgroups.accuracy",
            Title = "Accuracy per radius bin",
            Slices = ["radius"],
            Metric = "accuracy",
            WorstGroup = new Bound(AtLeast: 0.5),
            MaxDropPerGroup = 0,
        };
        var plan = GateData.Plan(spec) with { Statistics = new StatisticsOptions(Resamples: 400, MinSupport: 40) };
        var result = GateEvaluator.Evaluate(plan, WithSlices(GateData.BreastCancer("mlp_breast_cancer_degraded")), GateData.Today);
        var check = result.Judged()[0];
        Assert.Equal(3, check.Groups.Count);
        Assert.Equal(171, check.Groups.Sum(g => g.Support));
        Assert.All(check.Groups, g =>
        {
            Assert.Equal(g.Support < 40, g.TooSmall);
            Assert.NotNull(g.AdjustedPValue);
            Assert.NotNull(g.Candidate.Interval);
            Assert.NotNull(g.Verdict);
        });
        Assert.Contains(check.Verdict, new[] { Verdict.Fail, Verdict.Inconclusive });
        Assert.Contains("worst group radius=", check.Reason, StringComparison.Ordinal);
        Assert.Equal("worst group ≥ 0.5; drop per group ≤ 0", check.Threshold);
        Assert.Contains(result.Groups, g => g.Slice == "radius" && g.Metric == "accuracy");
    }

    [Fact]
    public void Per_group_regression_of_a_lower_is_better_metric_is_a_rise_not_a_fall()
    {
        // The degraded candidate's log loss rises in every group: that is the regression to catch.
        var spec = new SubgroupCheckSpec { Id = "s", Title = "s", Slices = ["radius"], Metric = "log_loss", MaxDropPerGroup = 0.01 };
        var plan = GateData.Plan(spec) with { Statistics = new StatisticsOptions(Resamples: 400, MinSupport: 10) };
        var check = GateEvaluator.Evaluate(plan, WithSlices(GateData.BreastCancer("mlp_breast_cancer_degraded")), GateData.Today).Judged()[0];
        Assert.Equal("increase per group ≤ 0.01", check.Threshold);
        Assert.Contains(check.Groups, g => g.Delta is { Value: > 0.01 } && g.Verdict is Verdict.Fail or Verdict.Inconclusive);
        Assert.NotEqual(Verdict.Pass, check.Verdict);
        Assert.Contains("the allowed increase", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Subgroup_worst_group_uses_wilson_intervals_for_proportions()
    {
        var spec = new SubgroupCheckSpec { Id = "s", Title = "s", Slices = ["radius"], Metric = "accuracy", WorstGroup = new Bound(AtLeast: 0.5) };
        var result = GateEvaluator.Evaluate(GateData.Plan(spec), WithSlices(GateData.BreastCancer("mlp_breast_cancer", null)), GateData.Today);
        var group = result.Judged()[0].Groups[0];
        var correct = Math.Round(group.Candidate.Value * group.Support);
        var expected = ModelGate.Core.Statistics.Wilson.Interval(correct, group.Support, 0.95)!.Value;
        Assert.Equal(expected, group.Candidate.Interval!.Value);
        Assert.Equal(Verdict.Pass, result.Judged()[0].Verdict);
    }

    [Fact]
    public void Subgroup_gap_is_judged_on_its_bootstrap_interval()
    {
        var spec = new SubgroupCheckSpec { Id = "g", Title = "g", Slices = ["radius"], Metric = "accuracy", MaxGap = 0.9 };
        var result = GateEvaluator.Evaluate(GateData.Plan(spec) with { Statistics = new StatisticsOptions(Resamples: 300, MinSupport: 1) }, WithSlices(GateData.BreastCancer("mlp_breast_cancer", null)), GateData.Today);
        Assert.Equal(Verdict.Pass, result.Judged()[0].Verdict);
        Assert.Contains("radius gap in Accuracy", result.Judged()[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_slice_keys_make_the_check_inconclusive_unless_it_is_optional()
    {
        var spec = new SubgroupCheckSpec { Id = "s", Title = "s", Slices = ["nowhere"], Metric = "accuracy", WorstGroup = new Bound(AtLeast: 0.5) };
        var result = GateEvaluator.Evaluate(GateData.Plan(spec), GateData.BreastCancer("mlp_breast_cancer", null), GateData.Today);
        Assert.Equal(Verdict.Inconclusive, result.Judged()[0].Verdict);
        Assert.True(result.Judged()[0].Blocks);
        Assert.Contains("nowhere", result.Judged()[0].Reason, StringComparison.Ordinal);

        var optional = GateEvaluator.Evaluate(GateData.Plan(spec with { Optional = true }), GateData.BreastCancer("mlp_breast_cancer", null), GateData.Today);
        Assert.Equal(Verdict.Skipped, optional.Judged()[0].Verdict);
        Assert.False(optional.Judged()[0].Blocks);
        Assert.True(optional.Passed);
        Assert.False(optional.Clean);
    }

    [Fact]
    public void Fairness_disparities_match_the_reference_and_are_judged_on_intervals()
    {
        var e = ReferenceData.Statistics.GetProperty("disparities");
        var c = ReferenceData.Case("per_column_arrests");
        var scores = ReferenceData.Doubles(c.GetProperty("scores"));
        var data = new EvaluationData
        {
            Task = TaskKind.Binary,
            ClassLabels = ReferenceData.Ints(c.GetProperty("labels")),
            Candidate = new Predictions(scores, scores.Length / 2, 2),
            Slices = new Dictionary<string, SliceColumn> { ["colour"] = SliceKeys.FromCategories(ReferenceData.Strings(e.GetProperty("colour")), "colour") },
        };
        var spec = new FairnessCheckSpec
        {
            Id = "fairness",
            Title = "Fairness by colour",
            Slices = ["colour"],
            Disparities = new Dictionary<string, Bound> { ["demographic_parity_difference"] = new(AtMost: 0.5) },
        };
        var result = GateEvaluator.Evaluate(GateData.Plan(spec), data, GateData.Today);
        var check = result.Judged()[0];
        ReferenceData.Close(e.GetProperty("by_colour").GetProperty("demographic_parity_difference").GetDouble(), check.Candidate!.Value, 1e-12, "dpd");
        Assert.Equal(Verdict.Pass, check.Verdict);
        Assert.Equal(2, check.Groups.Count);
        Assert.Equal("demographic_parity_difference ≤ 0.5", check.Threshold);
    }

    [Fact]
    public void Safety_sets_count_negative_flips_worst_first()
    {
        var data = GateData.BreastCancer("mlp_breast_cancer_degraded");
        var malignant = data.ClassLabels!.Select(y => y == 0).ToArray();
        data = data with { SafetySets = new Dictionary<string, bool[]> { ["malignant"] = malignant } };
        var spec = new SafetyCheckSpec { Id = "safety", Title = "Never miss a malignant case we caught", Set = "malignant", NegativeFlipsAtMost = 0, Metric = "accuracy", MetricBound = new Bound(AtLeast: 0.5) };
        var result = GateEvaluator.Evaluate(GateData.Plan(spec), data, GateData.Today);
        var check = result.Judged()[0];
        var flips = check.Flips!;
        Assert.Equal(malignant.Count(m => m), flips.Rows);
        Assert.All(flips.NegativeFlipRows, r => Assert.True(malignant[r]));
        var candidate = GateData.Scores("mlp_breast_cancer_degraded");
        var confidences = flips.NegativeFlipRows.Select(r => Math.Max(candidate.Row(r)[0], candidate.Row(r)[1])).ToArray();
        Assert.Equal(confidences.OrderByDescending(v => v), confidences);
        Assert.Equal(flips.NegativeFlips > 0 ? Verdict.Fail : Verdict.Pass, check.Verdict);
        Assert.Equal("negative flips ≤ 0; accuracy ≥ 0.5", check.Threshold);
    }

    [Fact]
    public void Latency_and_size_are_judged_on_measurements()
    {
        var data = GateData.BreastCancer("mlp_breast_cancer") with
        {
            Measurements = new ModelMeasurements(
                2_500_000,
                2_000_000,
                [new LatencySamples(1, [.. Enumerable.Range(1, 100).Select(i => (double)i)])],
                [new LatencySamples(1, [.. Enumerable.Range(1, 100).Select(i => i / 2.0)])]),
        };
        var plan = GateData.Plan(
            new LatencyCheckSpec { Id = "latency", Title = "p95", Percentile = 95, AtMostMs = 100 },
            new LatencyCheckSpec { Id = "latency.rel", Title = "p95 vs baseline", Percentile = 95, MaxRelativeIncrease = 0.5 },
            new ModelSizeCheckSpec { Id = "size", Title = "size", AtMostMb = 3, MaxRelativeIncrease = 0.2 },
            new LatencyCheckSpec { Id = "latency.b8", Title = "batch 8", BatchSize = 8, AtMostMs = 1 });
        var result = GateEvaluator.Evaluate(plan, data, GateData.Today);
        // Latency at batch size 8 was not measured: that cannot be judged, so it is inconclusive (and blocks), not skipped.
        Assert.Equal([Verdict.Pass, Verdict.Fail, Verdict.Fail, Verdict.Inconclusive], result.Judged().Select(c => c.Verdict));
        Assert.True(result.Judged()[3].Uncomputable);
        Assert.Equal(95.05, result.Judged()[0].Candidate!.Value, 9);
        Assert.Contains("+100% exceeds the allowed +50%", result.Judged()[1].Reason, StringComparison.Ordinal);
        Assert.Contains("+25.0% exceeds the allowed +20%", result.Judged()[2].Reason, StringComparison.Ordinal);
        Assert.Contains("batch size 8", result.Judged()[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Generalization_gap_compares_train_and_holdout()
    {
        var data = GateData.BreastCancer("mlp_breast_cancer", null);
        data = data with { Train = new TrainSample(data.ClassLabels, null, data.Candidate) };
        var plan = GateData.Plan(
            new GeneralizationGapCheckSpec { Id = "gap", Title = "gap", Metric = "roc_auc", AtMost = 0.05 },
            new GeneralizationGapCheckSpec { Id = "gap2", Title = "gap", Metric = "log_loss", AtMost = 0.05 });
        var result = GateEvaluator.Evaluate(plan, data, GateData.Today);
        Assert.All(result.Judged(), c => Assert.Equal(0, c.Candidate!.Value));
        Assert.Equal(Verdict.Pass, result.Judged()[0].Verdict);

        var noTrain = GateEvaluator.Evaluate(plan, data with { Train = null }, GateData.Today);
        Assert.Equal(Verdict.Inconclusive, noTrain.Judged()[0].Verdict);
        Assert.Contains("train data", noTrain.Judged()[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_checks_use_their_bin_count()
    {
        var plan = GateData.Plan(new CalibrationCheckSpec { Id = "ece", Title = "ECE", Metric = "ece", Bins = 10, Absolute = new Bound(AtMost: 0.2), Change = new ChangeBound(MaxIncrease: 0.05) });
        var result = GateEvaluator.Evaluate(plan, GateData.BreastCancer("mlp_breast_cancer_degraded"), GateData.Today);
        var check = result.Judged()[0];
        var expected = ModelGate.Core.Metrics.Metric.Compute("ece", ReferenceData.Model(ReferenceData.Case("mlp_breast_cancer_degraded")), bins: 10).Value;
        Assert.Equal(expected, check.Candidate!.Value);
        Assert.Equal("≤ 0.2; increase ≤ 0.05", check.Threshold);
    }
}
