using ModelGate.Core.Errors;

namespace ModelGate.Core.Limits;

/// <summary>An input exceeded a <see cref="ResourceLimits"/> bound; the message names the input, the limit and how to raise it.</summary>
internal sealed class LimitExceededException : ModelGateException
{
    /// <summary>Creates the exception.</summary>
    public LimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public LimitExceededException()
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public LimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.InputLimit;

    /// <summary>The sentence telling how to raise limit <paramref name="name"/>.</summary>
    public static string HowToRaise(string name) => $"if the input is legitimate, raise it with --limit {name}=<value> (docs/security.md)";
}
