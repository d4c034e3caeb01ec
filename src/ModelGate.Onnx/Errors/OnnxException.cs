namespace ModelGate.Onnx.Errors;

/// <summary>Every error this project raises: a one-line message for the user, the fix, and the CLI exit code category.</summary>
public abstract class OnnxException : Exception
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

    /// <summary>The exit code category the CLI maps this to: 3 model or input data, 4 runtime or environment.</summary>
    public abstract int ExitCode { get; }
}
