using ModelGate.Core.Errors;

namespace ModelGate.Policy.Diagnostics;

/// <summary>A policy that cannot be used; the message lists every diagnostic, one per line.</summary>
internal sealed class PolicyException : ModelGateException
{
    /// <summary>Creates the exception from the diagnostics of a failed load.</summary>
    public PolicyException(IReadOnlyList<PolicyDiagnostic> diagnostics)
        : base(string.Join('\n', (diagnostics ?? throw new ArgumentNullException(nameof(diagnostics))).Select(d => d.ToString())))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates an exception with a plain message (no located diagnostics).</summary>
    public PolicyException()
        : this([])
    {
    }

    /// <summary>Creates an exception with a plain message (no located diagnostics).</summary>
    public PolicyException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    /// <summary>Creates an exception with a plain message and a cause.</summary>
    public PolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Every diagnostic (errors and warnings) of the load.</summary>
    public IReadOnlyList<PolicyDiagnostic> Diagnostics { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Policy;
}
