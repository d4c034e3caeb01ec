using ModelGate.Core.Limits;

namespace ModelGate.Policy;

/// <summary>Where a policy's files may live and what loading it may cost.</summary>
internal sealed record PolicyLoadOptions
{
    /// <summary>The defaults: files inside the policy's repository, default limits.</summary>
    public static PolicyLoadOptions Default { get; } = new();

    /// <summary>The folder every file the policy names must resolve inside; null = the git repository holding the policy (or, outside one, the policy's folder).</summary>
    public string? Root { get; init; }

    /// <summary>Accept absolute paths and paths that resolve outside <see cref="Root"/> (the policy is trusted).</summary>
    public bool AllowOutsideRoot { get; init; }

    /// <summary>Size and shape limits for the policy and its rows files.</summary>
    public ResourceLimits Limits { get; init; } = ResourceLimits.Default;
}
