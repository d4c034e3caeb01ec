namespace ModelGate.Core;

/// <summary>How much a check's failure matters to the gate.</summary>
internal enum Severity
{
    /// <summary>A failure fails the gate.</summary>
    Error,

    /// <summary>A failure is reported prominently but does not fail the gate (unless --fail-on warning).</summary>
    Warning,

    /// <summary>Reported only.</summary>
    Info,
}
