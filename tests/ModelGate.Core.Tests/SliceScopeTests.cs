using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;
using ModelGate.Core.Verdicts;

namespace ModelGate.Core.Tests;

/// <summary>Row-level checks judged per slice (issue 22: "usable per slice"): a group the whole holdout hides fails the check.</summary>
public class SliceScopeTests
{
    [Fact]
    public void A_group_that_abstains_on_every_row_fails_a_reject_rate_check_the_whole_holdout_passes()
    {
        var data = FlatFirstRows(40);
        RejectRateCheckSpec Spec(IReadOnlyList<string> slices) => new()
        {
            Id = "reject_rate", Title = "reject", ConfidenceThreshold = 0.9, AbstainedShareAtMost = 0.5, PerSlice = slices,
        };

        var whole = GateEvaluator.Evaluate(GateData.Plan(Spec([])), data, GateData.Today).Judged().Single();
        var perSlice = GateEvaluator.Evaluate(GateData.Plan(Spec(["part"])), data, GateData.Today).Judged().Single();

        Assert.Equal(Verdict.Pass, whole.Verdict);
        Assert.Empty(whole.Groups);
        Assert.Equal(Verdict.Fail, perSlice.Verdict);
        Assert.Contains("per slice: 1 group(s) fail: part=flat (n=40)", perSlice.Reason, StringComparison.Ordinal);
        Assert.Equal([Verdict.Fail, Verdict.Pass], perSlice.Groups.Select(g => g.Verdict));
        Assert.Equal(1.0, perSlice.Groups[0].Candidate.Value);
        Assert.Equal([40, data.RowCount - 40], perSlice.Groups.Select(g => g.Support));
    }

    [Fact]
    public void Prediction_drift_per_slice_compares_candidate_and_baseline_on_each_groups_rows_and_small_groups_are_listed_not_judged()
    {
        var data = FlatFirstRows(20) with { Baseline = GateData.Scores("mlp_breast_cancer") };
        var spec = new PredictionDriftCheckSpec { Id = "prediction_drift", Title = "pd", Against = PredictionDriftReference.Baseline, KsAtMost = 0.3, PerSlice = ["part"] };

        var result = GateEvaluator.Evaluate(GateData.Plan(spec), data, GateData.Today).Judged().Single();

        Assert.Equal(2, result.Groups.Count);
        Assert.True(result.Groups[0].TooSmall);
        Assert.Null(result.Groups[0].Verdict);
        Assert.Equal(Verdict.Pass, result.Groups[1].Verdict);
    }

    // The breast-cancer fixture predictions, the first rows' scores flattened to 0.5 (a group the model knows nothing about).
    private static EvaluationData FlatFirstRows(int flat)
    {
        var data = GateData.BreastCancer("mlp_breast_cancer", null);
        var scores = data.Candidate.Scores.ToArray();
        for (var i = 0; i < 2 * flat; i++)
        {
            scores[i] = 0.5;
        }

        var groupOf = Enumerable.Range(0, data.RowCount).Select(i => i < flat ? 0 : 1).ToArray();
        return data with
        {
            Candidate = new Predictions(scores, data.RowCount, 2),
            Slices = new Dictionary<string, SliceColumn> { ["part"] = new SliceColumn("part", groupOf, ["flat", "rest"]) },
        };
    }
}
