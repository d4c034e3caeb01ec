using ModelGate.Core.Limits;

namespace ModelGate.Data.Reading;

/// <summary>Splits a byte stream into lines without allocating per line; a line is valid until the next call.</summary>
internal sealed class LineBuffer(Stream stream, string file, long maxLineBytes)
{
    private byte[] buffer = new byte[1 << 20];
    private int start;
    private int end;
    private bool endOfInput;

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Returns the next line without its line break (LF or CRLF); false at the end of the input.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Trim(buffer.AsSpan(start, newline));
                start += newline + 1;
                LineNumber++;
                return true;
            }

            if (endOfInput)
            {
                if (start < end)
                {
                    line = Trim(buffer.AsSpan(start, end - start));
                    start = end;
                    LineNumber++;
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private void Fill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            if (end >= maxLineBytes)
            {
                throw new HoldoutException(file, LineNumber + 1, null, null,
                    $"the line is longer than {ResourceLimits.Format(maxLineBytes, true)} (line_bytes)",
                    "write one record per line; " + LimitExceededException.HowToRaise("line_bytes"));
            }

            Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, Math.Max(buffer.Length * 2L, 1)));
        }

        var n = stream.Read(buffer, end, buffer.Length - end);
        if (n == 0)
        {
            endOfInput = true;
        }

        end += n;
    }
}
