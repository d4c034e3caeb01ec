using ModelGate.Core.Errors;

namespace ModelGate.Onnx.Errors;

/// <summary>Every error this project raises: a one-line message for the user, the fix, and its category.</summary>
internal abstract class OnnxException : ModelGateException
{
    /// <summary>Creates the error.</summary>
    protected OnnxException(string message, string? fix, Exception? inner)
        : base(fix is null ? message : $"{message} Fix: {fix}", inner)
    {
        Problem = message;
        Fix = fix;
    }

    /// <summary>What is wrong, without the fix.</summary>
    public string Problem { get; }

    /// <summary>What the user can do about it, when known.</summary>
    public string? Fix { get; }
}
