using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>Models that cannot be loaded or run fail with a one-line error, ORT's code and message kept, and the fix.</summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class ModelErrorTests(SharedRuntime shared)
{
    private static readonly SessionSettings Cpu = new() { Device = DeviceRequest.Cpu };

    [Fact]
    public void A_missing_file_is_a_model_error_naming_the_path()
    {
        var ex = Assert.Throws<OnnxModelException>(() => shared.Runtime.LoadModel("/no/such/model.onnx", Cpu));
        Assert.Contains("/no/such/model.onnx: model file not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_a_model_error_with_orts_reason()
    {
        var ex = Assert.Throws<OnnxModelException>(() => shared.Runtime.LoadModel(RepoPaths.Path("tests", "fixtures", "README.md"), Cpu));
        Assert.Contains("not a valid ONNX model", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.OrtCode);
        Assert.IsType<OrtException>(ex.InnerException);
    }

    [Fact]
    public void An_opset_newer_than_the_runtime_names_the_opsets_and_the_runtime_version()
    {
        var ex = Assert.Throws<OnnxModelException>(() => shared.Runtime.LoadModel(RepoPaths.Model("future_opset"), Cpu));
        Assert.Contains($"ONNX Runtime {shared.Runtime.Version} does not support this model's operator sets (ai.onnx 99)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("opset", ex.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.DoesNotContain("onnxruntime_src", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_fails_inside_run_is_a_model_error_and_its_log_line_reaches_the_sink_not_the_terminal()
    {
        var fixture = Fixture.Load("fails_at_runtime");
        using var model = shared.Runtime.LoadModel(fixture.ModelPath, Cpu);
        var inputs = fixture.Inputs(Fixture.Load("mlp_breast_cancer").Data());

        var ex = Assert.Throws<OnnxModelException>(() => model.Run(inputs));

        Assert.Contains("failed while running the model", ex.Message, StringComparison.Ordinal);
        Assert.Contains("out of", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains(shared.LogLines, l => l.Level >= OnnxLogLevel.Error && l.Line.Contains("Gather", StringComparison.Ordinal));
    }

    [Fact]
    public void A_non_integral_value_for_an_integer_input_is_rejected_before_running()
    {
        // No fixture has an int64 input, so the conversion rule is checked on the binder directly.
        var port = new Signature.ModelPort("n", new Signature.TensorValueType(Signature.TensorElementType.Int64, [new(null, "N"), new(1, null)]));
        var signature = new Signature.ModelSignature([port], [], new Signature.ModelMetadata());
        var ex = Assert.Throws<OnnxModelException>(() => InputBinder.Bind("m.onnx", signature, [ModelInput.PerColumn("n", InputColumn.Numeric("count", [1, 2.5]))]));
        Assert.Contains("column 'count' row 2 holds 2.5, which is not an integer", ex.Message, StringComparison.Ordinal);
    }
}
