using ModelGate.Core.Errors;

namespace ModelGate.Onnx.Errors;

/// <summary>ONNX Runtime, or the device asked for, cannot be used on this machine.</summary>
internal sealed class OnnxRuntimeUnavailableException : OnnxException
{
    /// <summary>Creates the error.</summary>
    public OnnxRuntimeUnavailableException(string message, string fix, Exception? inner = null)
        : base(message, fix, inner)
    {
    }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Environment;
}
