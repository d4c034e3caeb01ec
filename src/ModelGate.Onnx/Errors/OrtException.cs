namespace ModelGate.Onnx.Errors;

/// <summary>ONNX Runtime reported an error from one C API call; carries its error code and message unchanged.</summary>
public sealed class OrtException : OnnxException
{
    /// <summary>Creates the error from ORT's status.</summary>
    public OrtException(OrtErrorCode code, string operation, string ortMessage)
        : base($"ONNX Runtime {operation} failed ({code}): {ortMessage}", null, null)
    {
        Code = code;
        Operation = operation;
        OrtMessage = ortMessage;
    }

    /// <summary>ORT's error code.</summary>
    public OrtErrorCode Code { get; }

    /// <summary>The C API function that failed.</summary>
    public string Operation { get; }

    /// <summary>ORT's message, verbatim.</summary>
    public string OrtMessage { get; }

    /// <inheritdoc />
    public override int ExitCode => Code == OrtErrorCode.ExecutionProviderFailure ? 4 : 3;
}
