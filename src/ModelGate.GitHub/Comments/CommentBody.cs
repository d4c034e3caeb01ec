using System.Globalization;

namespace ModelGate.GitHub.Comments;

/// <summary>Composes the comment (marker line + report) and guarantees GitHub's 65,536-character limit.</summary>
internal static class CommentBody
{
    /// <summary>GitHub's largest comment body, in characters (a longer one is rejected with 422).</summary>
    public const int MaxLength = 65_536;

    /// <summary>Appended when the report had to be cut.</summary>
    public const string TruncationNote =
        "\n\n> **Truncated by ModelGate**: the report is longer than GitHub's 65,536-character comment limit. " +
        "The full report is in the job summary and the report files.\n";

    /// <summary>
    /// The marker line followed by <paramref name="report"/>; a report that would exceed the limit (the report
    /// renderer should already have cut it) is cut at a line boundary, an open code fence is closed, and a note is added.
    /// </summary>
    public static string Compose(CommentMarker marker, string report)
    {
        ArgumentNullException.ThrowIfNull(marker);
        ArgumentNullException.ThrowIfNull(report);
        var head = marker.Render() + "\n";
        if (head.Length + report.Length <= MaxLength)
        {
            return head + report;
        }

        const string fence = "\n```";
        var room = MaxLength - head.Length - TruncationNote.Length - fence.Length;
        var cut = report[..room];
        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        var lastLine = cut.LastIndexOf('\n');
        if (lastLine > room / 2)
        {
            cut = cut[..lastLine];
        }

        var fences = cut.Split('\n').Count(line => line.TrimStart().StartsWith("```", StringComparison.Ordinal));
        var closed = fences % 2 == 1 ? cut + fence : cut;
        var result = head + closed + TruncationNote;
        return result.Length <= MaxLength
            ? result
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"comment body still {result.Length} characters after cutting"));
    }
}
