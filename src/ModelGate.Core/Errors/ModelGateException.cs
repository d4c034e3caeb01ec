namespace ModelGate.Core.Errors;

/// <summary>
/// An error meant for the user: a one-line message that names the file, line or value concerned and says the fix
/// (the shape of <c>ModelGate.Data.HoldoutException</c>), and a <see cref="Category"/> instead of an exit code.
/// Every library that references Core raises these; a different exception escaping a command is a defect.
/// </summary>
internal abstract class ModelGateException : Exception
{
    /// <summary>Creates the error without a message (for serializers and analyzers).</summary>
    protected ModelGateException()
    {
    }

    /// <summary>Creates the error.</summary>
    protected ModelGateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    protected ModelGateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What kind of problem this is; the CLI maps it to an exit code.</summary>
    public abstract ErrorCategory Category { get; }
}
