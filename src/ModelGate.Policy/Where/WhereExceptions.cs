using ModelGate.Core.Errors;

namespace ModelGate.Policy.Where;

/// <summary>A <c>where</c> expression that does not parse; <see cref="Offset"/> is the 0-based character position in the expression.</summary>
internal sealed class WhereSyntaxException : ModelGateException
{
    /// <summary>Creates the exception.</summary>
    public WhereSyntaxException(string message, int offset)
        : base(message)
    {
        Offset = offset;
    }

    /// <summary>Creates the exception.</summary>
    public WhereSyntaxException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public WhereSyntaxException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public WhereSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>0-based character position of the problem in the expression.</summary>
    public int Offset { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Policy;
}

/// <summary>
/// A safety set that cannot be selected on this holdout: a <c>where</c> column is absent, text is compared with a
/// number, or a must-pass row id is not in the holdout: the input data does not fit the policy.
/// </summary>
internal sealed class SafetySetException : ModelGateException
{
    /// <summary>Creates the exception.</summary>
    public SafetySetException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public SafetySetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public SafetySetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.InputData;
}
