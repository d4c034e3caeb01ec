using System.Text;

namespace ModelGate.GitHub.Actions;

/// <summary>What <see cref="JobSummary.Append"/> wrote.</summary>
/// <param name="BytesWritten">UTF-8 bytes appended.</param>
/// <param name="Truncated">True when the Markdown was cut to stay within the 1 MiB step limit.</param>
internal sealed record SummaryWrite(long BytesWritten, bool Truncated);

/// <summary>Appends Markdown to the job summary (<c>$GITHUB_STEP_SUMMARY</c>), within GitHub's 1 MiB per-step limit.</summary>
internal static class JobSummary
{
    /// <summary>GitHub rejects a step summary larger than this many bytes (and then shows none of it).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Appended when the Markdown had to be cut.</summary>
    public const string TruncationNote = "\n\n> **Truncated by ModelGate**: the job summary is limited to 1 MiB per step; the full report is in the report files.\n";

    /// <summary>
    /// Appends <paramref name="markdown"/>; what would take the file past 1 MiB is cut at a line boundary and a note added.
    /// </summary>
    public static SummaryWrite Append(string path, string markdown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(markdown);
        var existing = File.Exists(path) ? new FileInfo(path).Length : 0;
        var bytes = Encoding.UTF8.GetBytes(markdown);
        var truncated = false;
        if (existing + bytes.Length > MaxBytes)
        {
            truncated = true;
            var note = Encoding.UTF8.GetBytes(TruncationNote);
            var room = (int)Math.Max(0, MaxBytes - existing - note.Length);
            bytes = room == 0 ? [] : [.. Encoding.UTF8.GetBytes(Cut(markdown, room)), .. note];
            if (existing + bytes.Length > MaxBytes)
            {
                bytes = [];
            }
        }

        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(bytes);
        return new SummaryWrite(bytes.Length, truncated);
    }

    /// <summary>The longest prefix of whole lines (whole characters at worst) that fits in <paramref name="maxBytes"/>.</summary>
    private static string Cut(string text, int maxBytes)
    {
        var low = 0;
        var high = Math.Min(text.Length, maxBytes);
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Encoding.UTF8.GetByteCount(text.AsSpan(0, mid)) <= maxBytes)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        if (low > 0 && char.IsHighSurrogate(text[low - 1]))
        {
            low--;
        }

        var lastLine = text.LastIndexOf('\n', Math.Max(0, low - 1));
        return lastLine > low / 2 ? text[..(lastLine + 1)] : text[..low];
    }
}
