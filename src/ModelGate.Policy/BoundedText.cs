using System.Text;
using ModelGate.Core.Limits;

namespace ModelGate.Policy;

/// <summary>Reads a small text file with a hard cap on bytes read, so /dev/zero or a 10 GB file fails at once.</summary>
internal static class BoundedText
{
    /// <summary>The file's text, or null when it holds more than <paramref name="maxBytes"/> bytes (at most that many plus one are read).</summary>
    public static string? TryRead(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 14);
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 14];
        int n;
        while ((n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        return new UTF8Encoding(false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The file's lines; <see cref="LimitExceededException"/> naming <paramref name="what"/> and <paramref name="limit"/> when it is too large.</summary>
    public static string[] ReadLines(string path, long maxBytes, string limit, string what)
    {
        var text = TryRead(path, maxBytes)
            ?? throw new LimitExceededException($"{what} is larger than {ResourceLimits.Format(maxBytes, true)} ({limit}); {LimitExceededException.HowToRaise(limit)}");
        return text.Split('\n');
    }
}
