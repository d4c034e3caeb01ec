namespace ModelGate.GitHub.Actions;

/// <summary>Escaping for workflow commands (<c>::name key=value::data</c>), as the Actions runner decodes them.</summary>
internal static class WorkflowCommand
{
    /// <summary>Escapes a command's data (the message): % → %25, CR → %0D, LF → %0A, other control characters → \uXXXX, and a legacy <c>##[</c> is broken up.</summary>
    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = value
            .Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal)
            .Replace("##[", "# #[", StringComparison.Ordinal);

        // The runner decodes only %25, %0D and %0A; any other control character (ESC from a CSV cell) is shown as \uXXXX.
        return escaped.Any(char.IsControl)
            ? string.Concat(escaped.Select(c => char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()))
            : escaped;
    }

    /// <summary>Escapes a property value: as data, plus : → %3A and , → %2C.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
