using System.Security.Cryptography;

namespace ModelGate.Data.Reading;

/// <summary>
/// Passes a file's bytes through unchanged while hashing them with SHA-256, so provenance costs no second read.
/// Also remembers the last 8 bytes, which for gzip hold the trailer that proves the file is complete.
/// </summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] tail = new byte[8];
    private string? digest;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The last up to 8 bytes read, oldest first.</summary>
    public ReadOnlySpan<byte> Tail => tail.AsSpan(8 - (int)Math.Min(8, BytesRead));

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>Reads the rest of the file (bytes a decompressor left unread) and returns the lowercase hex SHA-256.</summary>
    public string Finish()
    {
        if (digest is null)
        {
            var buffer = new byte[81920];
            while (Read(buffer, 0, buffer.Length) > 0)
            {
            }

            digest = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        return digest;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        if (n > 0)
        {
            var read = buffer[..n];
            hash.AppendData(read);
            BytesRead += n;
            Remember(read);
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
            inner.Dispose();
            hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Remember(ReadOnlySpan<byte> read)
    {
        if (read.Length >= 8)
        {
            read[^8..].CopyTo(tail);
            return;
        }

        tail.AsSpan(read.Length).CopyTo(tail);
        read.CopyTo(tail.AsSpan(8 - read.Length));
    }
}
