using System.Text;

namespace ModelGate.Reports.Text;

/// <summary>Makes user-supplied text (titles, group names, reasons, row values) inert inside Markdown and HTML.</summary>
internal static class MarkdownText
{
    private const char Mention = '\u200B';

    /// <summary>Text for a table cell or inline prose: one line, HTML-escaped, Markdown punctuation backslash-escaped.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\n':
                case '\t':
                    sb.Append(' ');
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~' or '!' or '$':
                    sb.Append('\\').Append(c);
                    break;
                case '@':
                    // A zero-width space after '@' keeps "@user" and "@org/team" readable but stops GitHub from
                    // notifying them from data (group values, row ids, column names, waiver reasons).
                    sb.Append(c).Append(Mention);
                    break;
                default:
                    sb.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>An inline code span that survives any backticks and pipes inside the text.</summary>
    public static string Code(string text)
    {
        // Mentions are inert inside a code span, unless backticks in the text end it early: neutralise them here too.
        var oneLine = Mentions.Neutralise(text.Replace('\n', ' ').Replace('\r', ' ').Replace("|", "\\|", StringComparison.Ordinal));
        var fence = oneLine.Contains('`', StringComparison.Ordinal) ? "`` " : "`";
        var close = fence == "`" ? "`" : " ``";
        return fence + oneLine + close;
    }

    /// <summary>Truncates to at most <paramref name="max"/> characters, ending with an ellipsis when cut.</summary>
    public static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>A gate key safe inside an HTML comment: letters, digits and <c>._/-</c>; anything else becomes '-'.</summary>
    public static string MarkerKey(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '/' ? c : '-');
        }

        // "--" may not appear inside an HTML comment.
        var result = sb.ToString();
        while (result.Contains("--", StringComparison.Ordinal))
        {
            result = result.Replace("--", "-", StringComparison.Ordinal);
        }

        return result.Length == 0 ? "default" : result;
    }
}
