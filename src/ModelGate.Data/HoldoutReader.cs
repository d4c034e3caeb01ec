using ModelGate.Core.Limits;

namespace ModelGate.Data;

/// <summary>Entry point for reading holdout files: the whole table at once, or chunk by chunk.</summary>
internal static class HoldoutReader
{
    /// <summary>Reads the requested columns of the whole file into memory.</summary>
    public static Holdout Read(string path, HoldoutReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // One chunk as large as an array can be: the whole table, with the same checks as the streaming path.
        using var reader = Open(path, options with { ChunkRows = int.MaxValue });
        var chunk = reader.ReadChunk()!;
        if (reader.ReadChunk() is not null)
        {
            throw new HoldoutException(path, null, null, null, "has more rows than fit in one table", "read it in chunks with HoldoutReader.Open");
        }

        return Holdout.FromChunk(reader, chunk);
    }

    /// <summary>Opens the file for chunked reading; the header is read and the requested columns checked now.</summary>
    public static HoldoutChunkReader Open(string path, HoldoutReadOptions options) => new(path, options);

    /// <summary>The file's column names, read from its header (or first JSONL object) only.</summary>
    public static IReadOnlyList<string> ReadColumnNames(string path, HoldoutFormat? format = null, ResourceLimits? limits = null)
    {
        using var stream = Open(path, new HoldoutReadOptions { Format = format, Columns = [], Limits = limits ?? ResourceLimits.Default });
        return stream.FileColumns;
    }
}
