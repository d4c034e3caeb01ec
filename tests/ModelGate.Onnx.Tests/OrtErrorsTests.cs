using ModelGate.Core.Errors;
using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>ORT's error code is read from the managed exception's message tag, including the codes its enum lacks.</summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class OrtErrorsTests(SharedRuntime shared)
{
    [Theory]
    [InlineData("[ErrorCode:InvalidArgument] Got invalid dimensions", OrtErrorCode.InvalidArgument, "Got invalid dimensions")]
    [InlineData("[ErrorCode:InvalidProtobuf] Load model failed", OrtErrorCode.InvalidProtobuf, "Load model failed")]
    [InlineData("[ErrorCode:ShapeInferenceNotRegistered] CUDA failure 100", OrtErrorCode.ExecutionProviderFailure, "CUDA failure 100")]
    [InlineData("[ErrorCode:13] needs compiling", (OrtErrorCode)13, "needs compiling")]
    [InlineData("no tag at all\nsecond line", OrtErrorCode.Fail, "no tag at all second line")]
    public void The_code_and_message_are_split_from_the_tag(string text, object errorCode, string message)
    {
        var code = (OrtErrorCode)errorCode;
        var (parsed, rest) = OrtErrors.Parse(text);
        Assert.Equal(code, parsed);
        Assert.Equal(message, rest);
    }

    [Fact]
    public void A_real_ort_failure_carries_its_code_into_the_typed_error()
    {
        Assert.NotNull(shared.Runtime);
        var ex = Assert.Throws<OrtException>(() => OrtErrors.Call("CreateSession", () =>
            new Microsoft.ML.OnnxRuntime.InferenceSession(new byte[] { 1, 2, 3 })));
        Assert.Equal(OrtErrorCode.InvalidProtobuf, ex.Code);
        Assert.Equal(ErrorCategory.Model, ex.Category);
        Assert.StartsWith("ONNX Runtime CreateSession failed (InvalidProtobuf)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrtErrorCode.ExecutionProviderFailure, ErrorCategory.Environment)]
    [InlineData(OrtErrorCode.InvalidArgument, ErrorCategory.Model)]
    [InlineData(OrtErrorCode.InvalidGraph, ErrorCategory.Model)]
    [InlineData(OrtErrorCode.Fail, ErrorCategory.Model)]
    public void An_execution_provider_failure_is_the_machines_problem_any_other_code_the_models(object errorCode, object errorCategory)
    {
        var (code, category) = ((OrtErrorCode)errorCode, (ErrorCategory)errorCategory);
        Assert.Equal(category, new OrtException(code, "Run", "it failed").Category);
    }
}
