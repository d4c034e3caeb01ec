namespace ModelGate.Cli;

/// <summary>How long an interrupted run may take to stop at its next step before the process exits 130 anyway.</summary>
internal static class InterruptGrace
{
    /// <summary>The grace period after the first Ctrl-C / SIGTERM.</summary>
    public static TimeSpan Period { get; } = TimeSpan.FromSeconds(2);
}
