using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Sessions;

/// <summary>Turns ORT's errors at session creation and run time into the error the user needs (model, opset, provider or memory).</summary>
internal static class ModelLoadErrors
{
    public static OnnxException For(string path, ModelProtoHeader? header, string version, OrtException ex)
    {
        if (ex.Code == OrtErrorCode.ExecutionProviderFailure)
        {
            return new OnnxRuntimeUnavailableException($"{path}: the execution provider failed while loading the model: {ex.Summary}", "run with --device cpu, or fix the GPU setup.", ex);
        }

        if (header is null || ex.Code == OrtErrorCode.InvalidProtobuf)
        {
            return new OnnxModelException(path, $"not a valid ONNX model: ONNX Runtime says ({ex.Code}): {ex.Summary}", "check that the file is an .onnx model exported completely (not a checkpoint, archive or LFS pointer).", ex);
        }

        var opsets = header.Opsets.Count == 0 ? "none declared" : string.Join(", ", header.Opsets);
        if (ex.Summary.Contains("opset", StringComparison.OrdinalIgnoreCase))
        {
            return new OnnxModelException(path,
                $"ONNX Runtime {version} does not support this model's operator sets ({opsets}): {ex.Summary}",
                "export the model with an opset this ONNX Runtime supports (e.g. torch.onnx.export(opset_version=17) / skl2onnx target_opset), or point --onnxruntime at a newer ONNX Runtime.",
                ex);
        }

        return new OnnxModelException(path, $"ONNX Runtime {version} could not load the model ({ex.Code}, opsets {opsets}): {ex.Summary}", "check the model with onnx.checker, or re-export it.", ex);
    }

    /// <summary>ORT's arena refuses an allocation past its max_mem with one of these (BFCArena::Alloc / AllocateRawInternal).</summary>
    public static bool IsOutOfArena(OrtException ex) =>
        ex.OrtMessage.Contains("Available memory of", StringComparison.Ordinal)
        || ex.OrtMessage.Contains("Failed to allocate memory", StringComparison.Ordinal);
}
