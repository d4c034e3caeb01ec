using ModelGate.Core.Errors;

namespace ModelGate.Onnx.Errors;

/// <summary>ONNX Runtime reported an error from one call; carries its error code and message unchanged.
/// An execution provider that fails (CUDA could not start) is the machine's problem; any other code is the model's.</summary>
internal sealed class OrtException : OnnxException
{
    /// <summary>Creates the error from ORT's status.</summary>
    public OrtException(OrtErrorCode code, string operation, string ortMessage, Exception? inner = null)
        : base($"ONNX Runtime {operation} failed ({code}): {OrtMessageText.Clean(ortMessage)}", null, inner)
    {
        Code = code;
        Operation = operation;
        OrtMessage = ortMessage;
        Summary = OrtMessageText.Clean(ortMessage);
    }

    /// <summary>ORT's error code.</summary>
    public OrtErrorCode Code { get; }

    /// <summary>The ORT operation that failed (e.g. CreateSession, Run).</summary>
    public string Operation { get; }

    /// <summary>ORT's message, verbatim (may hold a C++ source location and line breaks).</summary>
    public string OrtMessage { get; }

    /// <summary>ORT's message on one line, without its source location and function signature.</summary>
    public string Summary { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => Code == OrtErrorCode.ExecutionProviderFailure ? ErrorCategory.Environment : ErrorCategory.Model;
}
