using System.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Closes what a cut left open: a fenced code block and any number of &lt;details&gt; blocks.</summary>
internal static class MarkdownBalancer
{
    /// <summary>The text plus the closing fence and &lt;/details&gt; tags it needs, each on its own line after a blank line.</summary>
    public static string Close(string markdown)
    {
        string? fence = null;
        var openDetails = 0;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimStart(' ');
            var indent = raw.Length - line.Length;
            if (indent <= 3 && FenceOf(line) is { } marker)
            {
                if (fence is null)
                {
                    fence = marker;
                }
                else if (marker[0] == fence[0] && marker.Length >= fence.Length && line.Trim().Length == marker.Length)
                {
                    fence = null;
                }

                continue;
            }

            if (fence is not null)
            {
                continue;
            }

            openDetails += Occurrences(line, "<details") - Occurrences(line, "</details>");
        }

        if (fence is null && openDetails <= 0)
        {
            return markdown;
        }

        var sb = new StringBuilder(markdown);
        if (!markdown.EndsWith('\n'))
        {
            sb.Append('\n');
        }

        if (fence is not null)
        {
            sb.Append(fence).Append('\n');
        }

        for (var i = 0; i < openDetails; i++)
        {
            sb.Append("\n</details>\n");
        }

        return sb.ToString();
    }

    private static string? FenceOf(string line)
    {
        if (line.Length < 3 || (line[0] != '`' && line[0] != '~'))
        {
            return null;
        }

        var n = 0;
        while (n < line.Length && line[n] == line[0])
        {
            n++;
        }

        return n >= 3 ? line[..n] : null;
    }

    private static int Occurrences(string line, string tag)
    {
        var count = 0;
        for (var at = line.IndexOf(tag, StringComparison.OrdinalIgnoreCase); at >= 0; at = line.IndexOf(tag, at + tag.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
