using ModelGate.Core.Verdicts;
using System.Text.Json;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;

namespace ModelGate.Core.Tests;

/// <summary>Abstention and the risk–coverage curve against numpy / scikit-learn values written by reference/make_drift_reference.py.</summary>
public class RejectOptionTests
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Path("tests", "ModelGate.Core.Tests", "reference", "drift_reference.json"))).RootElement);

    [Theory]
    [InlineData("mlp_breast_cancer")]
    [InlineData("mlp_breast_cancer_threshold_0.3")]
    [InlineData("cnn_digits")]
    public void Abstention_and_the_risk_coverage_curve_match_the_reference(string name)
    {
        var r = Reference.Value.GetProperty("reject").EnumerateArray().Single(e => e.GetProperty("case").GetString() == name);
        var c = ReferenceData.Case(name);
        var model = ReferenceData.Model(c);
        var a = RejectOption.Of(model.Task, ReferenceData.Ints(c.GetProperty("labels")), Predictions(c), c.GetProperty("threshold").GetDouble(), r.GetProperty("threshold").GetDouble());

        Assert.Equal(r.GetProperty("abstained").GetInt32(), a.Abstained);
        ReferenceData.Close(r.GetProperty("selective_accuracy").GetDouble(), a.SelectiveAccuracy, 1e-12, "selective accuracy");
        ReferenceData.Close(r.GetProperty("overall_accuracy").GetDouble(), a.OverallAccuracy, 1e-12, "overall accuracy");
        var full = r.GetProperty("curve").EnumerateArray().Select(p => ReferenceData.Doubles(p)).ToList();
        var expected = full.Count <= RejectOption.CurvePoints
            ? full
            : [.. Enumerable.Range(0, RejectOption.CurvePoints).Select(j => full[(int)Math.Round(j * ((double)(full.Count - 1) / (RejectOption.CurvePoints - 1)))])];
        Assert.Equal(expected.Count, a.Curve.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            ReferenceData.Close(expected[i][0], a.Curve[i].Coverage, 1e-12, $"coverage[{i}]");
            ReferenceData.Close(expected[i][1], a.Curve[i].Risk, 1e-12, $"risk[{i}]");
            ReferenceData.Close(expected[i][2], a.Curve[i].Confidence, 1e-12, $"confidence[{i}]");
        }
    }

    [Fact]
    public void A_threshold_that_abstains_too_often_fails_and_one_that_does_not_passes()
    {
        var data = GateData.BreastCancer("mlp_breast_cancer", null);
        RejectRateCheckSpec Spec(double threshold) => new() { Id = "reject_rate", Title = "reject", ConfidenceThreshold = threshold, AbstainedShareAtMost = 0.2, SelectiveAccuracyAtLeast = 0.9 };

        var strict = GateEvaluator.Evaluate(GateData.Plan(Spec(0.9999)), data, GateData.Today).Judged().Single();
        var loose = GateEvaluator.Evaluate(GateData.Plan(Spec(0.6)), data, GateData.Today).Judged().Single();

        Assert.Equal(Verdict.Fail, strict.Verdict);
        Assert.Equal(Verdict.Pass, loose.Verdict);
        Assert.Contains("abstains on", loose.Reason, StringComparison.Ordinal);
    }

    private static Evaluation.Predictions Predictions(JsonElement c)
    {
        var k = c.GetProperty("class_count").GetInt32();
        var scores = ReferenceData.Doubles(c.GetProperty("scores"));
        return new Evaluation.Predictions(scores, scores.Length / k, k);
    }
}
