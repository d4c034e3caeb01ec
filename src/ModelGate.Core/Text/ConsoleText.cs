using System.Globalization;
using System.Text;

namespace ModelGate.Core.Text;

/// <summary>
/// The one escaper for data-derived text bound for a console or a CI log: control characters (newline, carriage
/// return, ESC, …) become visible escapes, and text that the GitHub Actions runner would read as a workflow command
/// (<c>::name::</c> at the start of a line, <c>##[</c> anywhere) is defused, so a CSV cell cannot print
/// <c>::add-mask::</c> or move the cursor.
/// </summary>
internal static class ConsoleText
{
    /// <summary>The longest preview of a line from a data file that any message quotes.</summary>
    public const int PreviewLength = 40;

    /// <summary>The text on one line with every control character escaped (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\x1b</c>, …).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsEscaping(text))
        {
            return Defuse(text);
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            AppendEscaped(sb, c);
        }

        return Defuse(sb.ToString());
    }

    /// <summary>A short, escaped, quoted preview of untrusted text: at most <paramref name="max"/> characters, then an ellipsis and the length.</summary>
    public static string Preview(string? text, int max = PreviewLength)
    {
        text ??= string.Empty;
        var cut = text.Length <= max ? text : text[..max];
        var escaped = Escape(cut);
        return text.Length <= max
            ? "'" + escaped + "'"
            : "'" + escaped + "…' (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
    }

    /// <summary>Appends <paramref name="c"/>, escaped when it is a control character (newline and tab included).</summary>
    public static void AppendEscaped(StringBuilder sb, char c)
    {
        ArgumentNullException.ThrowIfNull(sb);
        switch (c)
        {
            case '\n':
                sb.Append("\\n");
                break;
            case '\r':
                sb.Append("\\r");
                break;
            case '\t':
                sb.Append("\\t");
                break;
            default:
                if (IsUnsafe(c))
                {
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(c);
                }

                break;
        }
    }

    /// <summary>True for characters that must never reach a terminal raw: C0/C1 controls, DEL, and bidirectional overrides.</summary>
    public static bool IsUnsafe(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>
    /// Defuses workflow commands in one line: a leading <c>::</c> (after any whitespace, as the runner trims it) gets
    /// a backslash, and every <c>##[</c> becomes <c>#\#[</c>.
    /// </summary>
    public static string Defuse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.AsSpan().TrimStart();
        if (trimmed.StartsWith("::", StringComparison.Ordinal))
        {
            var lead = line.Length - trimmed.Length;
            line = string.Concat(line.AsSpan(0, lead), "\\", trimmed);
        }

        return line.Contains("##[", StringComparison.Ordinal) ? line.Replace("##[", "#\\#[", StringComparison.Ordinal) : line;
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\t' || IsUnsafe(c))
            {
                return true;
            }
        }

        return false;
    }
}
