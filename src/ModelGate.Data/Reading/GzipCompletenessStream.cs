using System.Buffers.Binary;
using System.IO.Compression;
using ModelGate.Core.Limits;

namespace ModelGate.Data.Reading;

/// <summary>
/// Decompresses gzip and fails on a truncated file: .NET's GZipStream ends quietly when input runs out, so at the
/// end the decompressed size is checked against the ISIZE field of the file's last 8 bytes (single-member gzip).
/// </summary>
internal sealed class GzipCompletenessStream(HashingStream compressed, string file, ResourceLimits limits) : Stream
{
    // Below this much output the ratio is not judged: a small file of repeated values may legitimately shrink a lot.
    private const long RatioFloor = 16L << 20;

    private readonly GZipStream gzip = new(compressed, CompressionMode.Decompress, leaveOpen: true);
    private long produced;
    private bool checkedEnd;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => produced;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = gzip.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }

        produced += n;
        CheckBomb();
        if (n == 0 && buffer.Length > 0 && !checkedEnd)
        {
            checkedEnd = true;
            var tail = compressed.Tail;
            if (compressed.BytesRead < 18 || tail.Length < 8 || BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]) != (uint)produced)
            {
                throw Corrupt(null);
            }
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gzip.Dispose();
        }

        base.Dispose(disposing);
    }

    private void CheckBomb()
    {
        if (produced > limits.DecompressedBytes)
        {
            throw new HoldoutException(file, null, null, null,
                $"decompresses to more than {ResourceLimits.Format(limits.DecompressedBytes, true)} (decompressed_bytes)",
                LimitExceededException.HowToRaise("decompressed_bytes"));
        }

        if (produced > RatioFloor && produced / Math.Max(1, compressed.BytesRead) > limits.GzipRatio)
        {
            throw new HoldoutException(file, null, null, null,
                FormattableString.Invariant($"decompresses more than {limits.GzipRatio}:1 ({compressed.BytesRead:N0} bytes gave {produced:N0}; gzip_ratio), which real data does not; it looks like a zip bomb"),
                LimitExceededException.HowToRaise("gzip_ratio"));
        }
    }

    private HoldoutException Corrupt(Exception? inner) => new(
        file,
        null,
        null,
        null,
        "the gzip data is truncated or corrupt",
        "re-create or re-download the file (gzip -t checks it)",
        inner);
}
