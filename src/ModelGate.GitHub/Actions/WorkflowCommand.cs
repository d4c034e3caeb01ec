namespace ModelGate.GitHub.Actions;

/// <summary>Escaping for workflow commands (<c>::name key=value::data</c>), as the Actions runner decodes them.</summary>
public static class WorkflowCommand
{
    /// <summary>Escapes a command's data (the message): % → %25, CR → %0D, LF → %0A.</summary>
    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value
            .Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>Escapes a property value: as data, plus : → %3A and , → %2C.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
