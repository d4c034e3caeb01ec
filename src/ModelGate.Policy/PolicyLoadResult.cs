using ModelGate.Policy.Diagnostics;

namespace ModelGate.Policy;

/// <summary>The outcome of loading a policy: the policy when there were no errors, and every diagnostic (errors and warnings).</summary>
/// <param name="Policy">The policy, or null when any error was found.</param>
/// <param name="Diagnostics">All diagnostics, ordered by file, line and column.</param>
internal sealed record PolicyLoadResult(Model.GatePolicy? Policy, IReadOnlyList<PolicyDiagnostic> Diagnostics)
{
    /// <summary>True when the policy loaded (warnings allowed).</summary>
    public bool Succeeded => Policy is not null;

    /// <summary>The errors.</summary>
    public IReadOnlyList<PolicyDiagnostic> Errors => [.. Diagnostics.Where(d => d.IsError)];

    /// <summary>The warnings.</summary>
    public IReadOnlyList<PolicyDiagnostic> Warnings => [.. Diagnostics.Where(d => !d.IsError)];

    /// <summary>The policy, or a <see cref="PolicyException"/> listing every diagnostic.</summary>
    public Model.GatePolicy GetPolicyOrThrow() => Policy ?? throw new PolicyException(Diagnostics);
}
