using ModelGate.Core.Errors;

namespace ModelGate.Onnx.Errors;

/// <summary>The model, or the data given to it, is wrong: a missing or non-ONNX file, a mismatched input, an unusable output.</summary>
internal sealed class OnnxModelException : OnnxException
{
    /// <summary>Creates the error.</summary>
    public OnnxModelException(string modelPath, string message, string? fix = null, Exception? inner = null)
        : base($"{modelPath}: {message}", fix, inner)
    {
        ModelPath = modelPath;
        OrtCode = (inner as OrtException)?.Code;
    }

    /// <summary>The model file concerned.</summary>
    public string ModelPath { get; }

    /// <summary>ORT's error code when ORT raised the underlying error.</summary>
    public OrtErrorCode? OrtCode { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Model;
}
