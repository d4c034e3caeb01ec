using ModelGate.Core;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Signature;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>
/// The task <c>init</c> writes comes from the output scoring reads (<see cref="ScoreOutputChoice"/>), so the policy it
/// writes scores that output as the task it names.
/// </summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class TaskInferenceTests(SharedRuntime shared)
{
    [Theory]
    [InlineData("mlp_breast_cancer", 2, true, TaskKind.Binary, "'probabilities' has 2 columns")]
    [InlineData("logits_digits", 10, true, TaskKind.Multiclass, "has 10 columns")]
    [InlineData("cnn_digits", 10, true, TaskKind.Multiclass, "has 10 columns")]
    [InlineData("regressor_slid", 300, true, TaskKind.Regression, "is one number per row and label 'y' has 300 numeric values")]
    [InlineData("single_logit_breast_cancer", 2, true, TaskKind.Binary, "is one number per row and label 'y' has 2 values")]
    [InlineData("zipmap_int64_hmda", 2, true, TaskKind.Binary, "'output_probability' is a ZipMap")]
    [InlineData("zipmap_string_titanic", 2, false, TaskKind.Binary, "is a ZipMap")]
    [InlineData("tree_hmda", 2, true, TaskKind.Binary, "'probabilities' has 2 columns")]
    public void A_real_models_task_is_read_from_its_scoring_output_and_that_output_scores_as_the_task(
        string stem, int labelValues, bool numericLabel, object expectedTask, string why)
    {
        var expected = (TaskKind)expectedTask;
        using var model = shared.Runtime.LoadModel(RepoPaths.Model(stem), new SessionSettings { Device = DeviceRequest.Cpu });
        var (task, reason) = TaskInference.Infer(model.Signature, "y", labelValues, numericLabel);
        Assert.Equal(expected, task);
        Assert.Contains(why, reason, StringComparison.Ordinal);

        // The policy init writes names this task: scoring must find an output for it without being told which.
        var choice = ScoreOutputChoice.Choose(model.Path, model.Signature, new ScoreRequest { Task = task });
        Assert.Equal(task == TaskKind.Regression, choice.Kind == ScoreKind.Regression);
    }

    [Fact]
    public void An_extra_wide_output_does_not_make_a_two_class_model_multiclass()
    {
        // Outputs in this order: an embedding with 64 columns, then the class probabilities. Scoring reads
        // 'probabilities' (by name), so the task is binary; reading the first wide output would have said multiclass.
        var signature = new ModelSignature(
            [Port("X", 13)],
            [Port("embedding", 64), Port("probabilities", 2)],
            new ModelMetadata());
        var (task, why) = TaskInference.Infer(signature, "target", 2, numericLabel: true);
        Assert.Equal(TaskKind.Binary, task);
        Assert.Equal("output 'probabilities' has 2 columns", why);
        Assert.Equal("probabilities", ScoreOutputChoice.Choose("m.onnx", signature, new ScoreRequest { Task = task }).Port.Name);
    }

    private static ModelPort Port(string name, int columns) =>
        new(name, new TensorValueType(TensorElementType.Float, [new Dimension(null, "N"), new Dimension(columns, null)]));
}
