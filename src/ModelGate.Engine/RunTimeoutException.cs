using ModelGate.Core.Errors;

namespace ModelGate.Engine;

/// <summary>The whole run took longer than <c>--timeout</c>; a run limit, and no report is written for the unfinished run.</summary>
internal sealed class RunTimeoutException : ModelGateException
{
    /// <summary>Creates the exception for a budget of <paramref name="seconds"/>.</summary>
    public RunTimeoutException(int seconds)
        : base(FormattableString.Invariant(
            $"the run took longer than --timeout {seconds} s and was stopped; no report was written. A model or holdout this slow is suspect; if it is legitimate, raise --timeout (0 turns it off)"))
    {
        Seconds = seconds;
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public RunTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public RunTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RunTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>The budget that was exceeded, in seconds.</summary>
    public int Seconds { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.RunLimit;
}
