using System.Text.Json;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Slices;
using ModelGate.Core.Statistics;

namespace ModelGate.Core.Tests;

public class StatisticsReferenceTests
{
    [Fact]
    public void Wilson_intervals_match_the_textbook_formula()
    {
        foreach (var c in ReferenceData.Statistics.GetProperty("wilson").EnumerateArray())
        {
            var interval = Wilson.Interval(c.GetProperty("successes").GetDouble(), c.GetProperty("trials").GetDouble(), c.GetProperty("confidence").GetDouble())!.Value;
            var expected = ReferenceData.Doubles(c.GetProperty("interval"));
            ReferenceData.Close(expected[0], interval.Lower, what: "lower");
            ReferenceData.Close(expected[1], interval.Upper, what: "upper");
        }
    }

    [Fact]
    public void McNemar_p_values_match_scipy()
    {
        foreach (var c in ReferenceData.Statistics.GetProperty("mcnemar").EnumerateArray())
        {
            var negative = c.GetProperty("negative").GetInt32();
            var positive = c.GetProperty("positive").GetInt32();
            var result = McNemar.FromCounts(negative, positive, 200, 0.95);
            ReferenceData.Close(c.GetProperty("p_value").GetDouble(), result.PValue, 1e-9, $"McNemar {negative}/{positive}");
            Assert.Equal(negative + positive < McNemar.ExactBelow, result.Exact);
        }
    }

    [Fact]
    public void McNemar_counts_flips_from_correctness()
    {
        bool[] baseline = [true, true, false, false, true];
        bool[] candidate = [false, true, true, false, false];
        var result = McNemar.Test(baseline, candidate, 0.95);
        Assert.Equal(2, result.NegativeFlips);
        Assert.Equal(1, result.PositiveFlips);
        Assert.Equal(-0.2, result.Delta, 12);
    }

    [Fact]
    public void DeLong_matches_the_numpy_reference()
    {
        var c = ReferenceData.Case("mlp_breast_cancer");
        var labels = ReferenceData.Ints(c.GetProperty("labels"));
        var baseline = PositiveColumn(ReferenceData.Doubles(c.GetProperty("scores")));
        var others = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["mlp_breast_cancer_degraded"] = PositiveColumn(ReferenceData.Doubles(ReferenceData.Case("mlp_breast_cancer_degraded").GetProperty("scores"))),
            ["mlp_breast_cancer_retrained"] = PositiveColumn(ReferenceData.Doubles(ReferenceData.Statistics.GetProperty("retrained_scores"))),
        };
        foreach (var e in ReferenceData.Statistics.GetProperty("delong").EnumerateArray())
        {
            var result = DeLong.Test(labels, others[e.GetProperty("a").GetString()!], baseline, 0.95)!;
            ReferenceData.Close(e.GetProperty("auc_a").GetDouble(), result.CandidateAuc, what: "auc a");
            ReferenceData.Close(e.GetProperty("auc_b").GetDouble(), result.BaselineAuc, what: "auc b");
            ReferenceData.Close(e.GetProperty("variance").GetDouble(), result.Variance, 1e-8, "variance");
            ReferenceData.Close(e.GetProperty("p_value").GetDouble(), result.PValue, 1e-7, "p");
            var single = DeLong.OneModel(labels, others[e.GetProperty("a").GetString()!])!.Value;
            ReferenceData.Close(e.GetProperty("variance_a").GetDouble(), single.Variance, 1e-8, "single variance");
        }
    }

    [Fact]
    public void DeLong_is_undefined_with_one_class()
    {
        Assert.Null(DeLong.Test([1, 1, 1], [0.1, 0.2, 0.3], [0.3, 0.2, 0.1], 0.95));
    }

    [Fact]
    public void Benjamini_Hochberg_matches_the_step_up_definition()
    {
        var e = ReferenceData.Statistics.GetProperty("benjamini_hochberg");
        var adjusted = BenjaminiHochberg.Adjust(ReferenceData.Doubles(e.GetProperty("p")));
        var expected = ReferenceData.Doubles(e.GetProperty("adjusted"));
        for (var i = 0; i < expected.Length; i++)
        {
            ReferenceData.Close(expected[i], adjusted[i], what: $"p[{i}]");
        }
    }

    [Theory]
    [InlineData("by_colour")]
    [InlineData("by_sex")]
    [InlineData("by_colour_x_sex")]
    public void Disparities_match_Fairlearn_definitions(string grouping)
    {
        var e = ReferenceData.Statistics.GetProperty("disparities");
        var c = ReferenceData.Case(e.GetProperty("case").GetString()!);
        var model = ReferenceData.Model(c);
        var colour = SliceKeys.FromCategories(ReferenceData.Strings(e.GetProperty("colour")), "colour");
        var sex = SliceKeys.FromCategories(ReferenceData.Strings(e.GetProperty("sex")), "sex");
        var slice = grouping switch
        {
            "by_colour" => colour,
            "by_sex" => sex,
            _ => SliceKeys.Intersect([colour, sex]),
        };
        var rates = Rates(model, slice);
        foreach (var d in e.GetProperty(grouping).EnumerateObject())
        {
            var value = Disparity.Compute(d.Name, rates);
            ReferenceData.Close(d.Value.GetDouble(), value.Value, what: d.Name);
        }
    }

    internal static GroupRates[] Rates(ScoredModel model, SliceColumn slice)
    {
        var selection = Metric.PerGroup("selection_rate", model, slice);
        var tpr = Metric.PerGroup("recall", model, slice);
        var fpr = Metric.PerGroup("fpr", model, slice);
        return [.. Enumerable.Range(0, slice.GroupNames.Count).Select(g => new GroupRates(selection[g].Value, tpr[g].Value, fpr[g].Value))];
    }

    internal static double[] PositiveColumn(double[] rowMajorTwoColumns) =>
        [.. Enumerable.Range(0, rowMajorTwoColumns.Length / 2).Select(i => rowMajorTwoColumns[(2 * i) + 1])];

}
