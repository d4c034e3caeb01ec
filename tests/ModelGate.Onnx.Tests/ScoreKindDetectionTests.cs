using ModelGate.Core;
using ModelGate.Core.Evaluation;
using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>
/// What an output holds is decided from its values, not its name (fail closed): a PyTorch export without a softmax named
/// 'probabilities' is read as logits, LogSoftmax is exponentiated, a single margin column gets a sigmoid, a tree's raw
/// margins get a softmax, and declared probabilities that are not probabilities stop the run. The fixtures are made by
/// tests/fixtures/models/make_score_kind_fixtures.py from the committed networks; the reference is the same network's
/// Softmax output computed by ONNX Runtime (mlp_breast_cancer.onnx).
/// </summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class ScoreKindDetectionTests(SharedRuntime shared)
{
    private ScoredPredictions Score(string modelFile, string dataStem, ScoreRequest? request = null)
    {
        var fixture = Fixture.Load(dataStem);
        using var model = shared.Runtime.LoadModel(RepoPaths.Model(modelFile), new SessionSettings { Device = DeviceRequest.Cpu });
        return model.Score(fixture.Inputs(fixture.Data()), request ?? new ScoreRequest { Task = TaskKind.Binary });
    }

    private double[] Reference() => Score("mlp_breast_cancer", "mlp_breast_cancer").Predictions.Scores;

    private static void Same(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.InRange(Math.Abs(expected[i] - actual[i]), 0, 1e-6);
        }
    }

    [Fact]
    public void Raw_logits_named_probabilities_are_detected_as_logits()
    {
        var scored = Score("logits_named_probabilities", "mlp_breast_cancer");
        Assert.Equal(ScoreKind.Logits, scored.Kind);
        Assert.Contains("detected logits", scored.Reason, StringComparison.Ordinal);
        Assert.Contains("softmax applied", scored.Reason, StringComparison.Ordinal);
        Same(Reference(), scored.Predictions.Scores);
    }

    [Fact]
    public void Log_softmax_output_is_detected_and_exponentiated()
    {
        var scored = Score("logsoftmax_breast_cancer", "mlp_breast_cancer");
        Assert.Equal(ScoreKind.LogProbabilities, scored.Kind);
        Assert.Contains("log-probabilities", scored.Reason, StringComparison.Ordinal);
        Same(Reference(), scored.Predictions.Scores);
    }

    [Fact]
    public void A_single_binary_logit_column_gets_a_sigmoid()
    {
        var scored = Score("single_logit_breast_cancer", "mlp_breast_cancer");
        Assert.Equal(ScoreKind.Logits, scored.Kind);
        Assert.Contains("sigmoid applied", scored.Reason, StringComparison.Ordinal);
        Assert.Equal(2, scored.Predictions.ClassCount);
        Same(Reference(), scored.Predictions.Scores);
    }

    [Fact]
    public void A_tree_models_raw_margins_are_not_read_as_probabilities()
    {
        var scored = Score("tree_margins_hmda", "tree_hmda");
        Assert.Equal(ScoreKind.Logits, scored.Kind);
        Assert.Contains("not probabilities", scored.Reason, StringComparison.Ordinal);
        for (var r = 0; r < scored.Predictions.RowCount; r++)
        {
            var row = scored.Predictions.Row(r);
            Assert.InRange(row[0] + row[1], 1 - 1e-9, 1 + 1e-9);
        }
    }

    [Fact]
    public void Real_probabilities_are_detected_and_the_reason_says_why()
    {
        var scored = Score("mlp_breast_cancer", "mlp_breast_cancer");
        Assert.Equal(ScoreKind.Probabilities, scored.Kind);
        Assert.Contains("detected probabilities", scored.Reason, StringComparison.Ordinal);
        Assert.Contains("rows sum to 1 within 0.001", scored.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_probabilities_whose_rows_sum_to_1_3_stop_the_run_with_the_fix()
    {
        var e = Assert.Throws<OnnxModelException>(() => Score("sum_1_3_breast_cancer", "mlp_breast_cancer",
            new ScoreRequest { Task = TaskKind.Binary, Kind = ScoreKind.Probabilities }));
        Assert.Contains("sum_1_3_breast_cancer.onnx", e.Message, StringComparison.Ordinal);
        Assert.Contains("output 'probabilities' is declared 'scores: probabilities'", e.Message, StringComparison.Ordinal);
        Assert.Matches("row [0-9]+ sums to 1\\.3", e.Message);
        Assert.Contains("scores: logits", e.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Declared_probabilities_out_of_range_name_the_range()
    {
        var e = Assert.Throws<OnnxModelException>(() => Score("logits_named_probabilities", "mlp_breast_cancer",
            new ScoreRequest { Task = TaskKind.Binary, Kind = ScoreKind.Probabilities }));
        Assert.Matches("values from -?[0-9.]+ to [0-9.]+", e.Message);
    }

    [Fact]
    public void Deferred_scores_stay_raw_until_resolved_on_all_rows()
    {
        var request = new ScoreRequest { Task = TaskKind.Binary };
        var raw = Score("logsoftmax_breast_cancer", "mlp_breast_cancer", request with { Deferred = true });
        Assert.True(raw.Pending);
        Assert.All(raw.Predictions.Scores, v => Assert.True(v <= 0));
        var resolved = ScoreInterpretation.Resolve("logsoftmax_breast_cancer.onnx", raw, request);
        Assert.False(resolved.Pending);
        Same(Reference(), resolved.Predictions.Scores);
    }

    // The range pass is vectorised over the flat buffer with a scalar tail: one out-of-range or non-finite value must be
    // seen wherever it sits (inside a vector, in the tail, first or last).
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(1998)]
    [InlineData(2001)]
    public void One_value_out_of_range_anywhere_makes_the_output_logits(int index)
    {
        var scores = new double[2002];
        for (var r = 0; r < 1001; r++)
        {
            (scores[2 * r], scores[(2 * r) + 1]) = (0.25, 0.75);
        }

        Assert.Equal(ScoreKind.Probabilities, Resolve(scores).Kind);
        scores[index] = 1.5;
        Assert.Equal(ScoreKind.Logits, Resolve(scores).Kind);
        scores[index] = double.NaN;
        var withNaN = Resolve(scores);
        Assert.Equal(ScoreKind.Probabilities, withNaN.Kind);
        Assert.True(double.IsNaN(withNaN.Predictions.Scores[index]));
    }

    private static ScoredPredictions Resolve(double[] scores) =>
        ScoreInterpretation.Resolve("model.onnx",
            new ScoredPredictions(new Predictions((double[])scores.Clone(), scores.Length / 2, 2), "probabilities", ScoreKind.Probabilities, "raw", null, false) { Pending = true },
            new ScoreRequest { Task = TaskKind.Binary });
}
