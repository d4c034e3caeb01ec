using System.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>A GitHub pipe table from already-escaped cells.</summary>
internal static class MarkdownTable
{
    /// <summary>Header row, alignment row (numbers right-aligned where <paramref name="rightAligned"/> says), one line per row.</summary>
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlySet<int>? rightAligned = null)
    {
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", headers).Append(" |\n|");
        for (var i = 0; i < headers.Count; i++)
        {
            sb.Append(rightAligned?.Contains(i) == true ? "---:|" : "---|");
        }

        sb.Append('\n');
        foreach (var row in rows)
        {
            sb.Append("| ").AppendJoin(" | ", row.Select(c => c.Length == 0 ? " " : c)).Append(" |\n");
        }

        return sb.ToString();
    }
}
