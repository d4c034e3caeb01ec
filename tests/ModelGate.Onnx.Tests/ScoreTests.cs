using ModelGate.Core;
using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>Outputs become ModelGate's canonical scores, with the chosen output and the reason recorded.</summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class ScoreTests(SharedRuntime shared)
{
    private (ScoredPredictions Scored, Fixture Fixture) Score(string stem, ScoreRequest? request = null)
    {
        var fixture = Fixture.Load(stem);
        using var model = shared.Runtime.LoadModel(fixture.ModelPath, new SessionSettings { Device = DeviceRequest.Cpu });
        return (model.Score(fixture.Inputs(fixture.Data()), request), fixture);
    }

    [Fact]
    public void A_probability_tensor_is_used_as_it_is()
    {
        var (scored, fixture) = Score("mlp_breast_cancer", new ScoreRequest { Task = TaskKind.Binary });
        Assert.Equal("probabilities", scored.OutputName);
        Assert.Equal(ScoreKind.Probabilities, scored.Kind);
        Assert.False(scored.LabelsOnly);
        Assert.Equal(2, scored.Predictions.ClassCount);
        var expected = fixture.Expected("probabilities")[5];
        Assert.Equal(expected[1].GetDouble(), scored.Predictions.Row(5)[1], 5);
    }

    [Fact]
    public void Logits_with_softmax_give_the_probabilities_of_the_same_network()
    {
        var (logits, _) = Score("mlp_breast_cancer_logits");
        var (probabilities, _) = Score("mlp_breast_cancer");
        Assert.Equal(ScoreKind.Logits, logits.Kind);
        Assert.Contains("logits", logits.Reason, StringComparison.Ordinal);
        for (var i = 0; i < probabilities.Predictions.Scores.Length; i++)
        {
            Assert.InRange(Math.Abs(probabilities.Predictions.Scores[i] - logits.Predictions.Scores[i]), 0, 1e-5);
        }
    }

    [Fact]
    public void A_single_probability_column_becomes_one_minus_p_and_p()
    {
        var (scored, fixture) = Score("logreg_credit_card", new ScoreRequest { Task = TaskKind.Binary });
        Assert.Equal("probability", scored.OutputName);
        var p = fixture.Expected("probability")[0][0].GetDouble();
        Assert.Equal(1 - p, scored.Predictions.Row(0)[0], 5);
        Assert.Equal(p, scored.Predictions.Row(0)[1], 5);
    }

    [Fact]
    public void A_zipmap_is_preferred_and_exposes_its_class_labels()
    {
        var (ints, _) = Score("zipmap_int64_hmda");
        Assert.Equal("output_probability", ints.OutputName);
        Assert.Equal(["0", "1"], ints.ClassLabels);
        Assert.Contains("ZipMap", ints.Reason, StringComparison.Ordinal);

        var (strings, fixture) = Score("zipmap_string_titanic");
        Assert.Equal(["no", "yes"], strings.ClassLabels);
        Assert.Equal(fixture.Expected("output_probability")[3].GetProperty("yes").GetDouble(), strings.Predictions.Row(3)[1], 5);
    }

    [Fact]
    public void A_label_output_on_request_becomes_one_hot_scores_flagged_labels_only()
    {
        var (scored, fixture) = Score("tree_hmda", new ScoreRequest { OutputName = "label", ClassLabels = ["0", "1"] });
        Assert.True(scored.LabelsOnly);
        Assert.Equal(ScoreKind.Labels, scored.Kind);
        var labels = fixture.Expected("label");
        for (var r = 0; r < scored.Predictions.RowCount; r++)
        {
            Assert.Equal(1.0, scored.Predictions.Row(r)[labels[r].GetInt32()]);
        }
    }

    [Fact]
    public void A_string_label_output_maps_labels_in_sorted_order_when_none_are_given()
    {
        var (scored, _) = Score("zipmap_string_titanic", new ScoreRequest { OutputName = "output_label" });
        Assert.Equal(["no", "yes"], scored.ClassLabels);
        Assert.True(scored.LabelsOnly);
    }

    [Fact]
    public void A_regression_output_is_one_value_per_row_with_nan_for_missing_inputs()
    {
        var (scored, fixture) = Score("regressor_slid", new ScoreRequest { Task = TaskKind.Regression });
        Assert.Equal("variable", scored.OutputName);
        Assert.Equal(ScoreKind.Regression, scored.Kind);
        Assert.Equal(1, scored.Predictions.ClassCount);
        Assert.Equal(fixture.Expected("variable")[0][0].GetDouble(), scored.Predictions.Scores[0], 4);
        Assert.True(double.IsNaN(scored.Predictions.Scores[33]));
    }

    [Fact]
    public void Multiclass_logits_and_a_cnn_give_ten_probabilities_per_row_summing_to_one()
    {
        var (logits, _) = Score("logits_digits", new ScoreRequest { Task = TaskKind.Multiclass });
        var (cnn, _) = Score("cnn_digits", new ScoreRequest { Task = TaskKind.Multiclass });
        foreach (var scored in new[] { logits, cnn })
        {
            Assert.Equal(10, scored.Predictions.ClassCount);
            Assert.Equal(1.0, scored.Predictions.Row(7).ToArray().Sum(), 6);
        }
    }

    [Fact]
    public void A_class_count_that_contradicts_the_task_is_a_model_error()
    {
        var ex = Assert.Throws<OnnxModelException>(() => Score("logits_digits", new ScoreRequest { Task = TaskKind.Binary }));
        Assert.Contains("10 classes, but the task is binary", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_that_cannot_hold_scores_of_that_kind_is_an_unsupported_output_error()
    {
        var ex = Assert.Throws<OnnxModelException>(() => Score("tree_hmda", new ScoreRequest { OutputName = "label", Kind = ScoreKind.Probabilities }));
        Assert.Contains("output 'label' is int64", ex.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<OnnxModelException>(() => Score("tree_hmda", new ScoreRequest { OutputName = "nope" }));
        Assert.Contains("label: int64", missing.Message, StringComparison.Ordinal);
    }
}
