using ModelGate.Core.Limits;

namespace ModelGate.Data.Reading;

/// <summary>Opens a holdout file for one sequential pass: hashing the raw bytes and decompressing .gz.</summary>
internal sealed class InputFile : IDisposable
{
    private readonly HashingStream raw;

    private InputFile(HashingStream raw, Stream text)
    {
        this.raw = raw;
        Text = text;
    }

    /// <summary>The decompressed bytes.</summary>
    public Stream Text { get; }

    /// <summary>Opens the file, turning every IO failure into a <see cref="HoldoutException"/>.</summary>
    public static InputFile Open(string path, bool gzip, ResourceLimits limits)
    {
        if (Directory.Exists(path))
        {
            throw new HoldoutException(path, null, null, null, "is a directory, not a file", "give the path of the holdout file");
        }

        if (!File.Exists(path))
        {
            throw new HoldoutException(path, null, null, null, "file not found", "check the path (relative paths start at the working directory)");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoldoutException(path, null, null, null, "cannot be read (" + e.Message.TrimEnd('.') + ")", "check that the file is readable by this user", e);
        }

        var hashing = new HashingStream(stream);
        Stream text = gzip ? new GzipCompletenessStream(hashing, path, limits) : hashing;
        return new InputFile(hashing, text);
    }

    /// <summary>The size of the file as stored.</summary>
    public long Length => raw.Length;

    /// <summary>Bytes of the stored file read so far.</summary>
    public long BytesRead => raw.BytesRead;

    /// <summary>Reads any bytes left and returns the SHA-256 of the file as stored (compressed bytes for .gz).</summary>
    public string FinishHash() => raw.Finish();

    /// <inheritdoc />
    public void Dispose()
    {
        Text.Dispose();
        raw.Dispose();
    }
}
