namespace ModelGate.Data;

/// <summary>The format and compression of a holdout file, as chosen by its extension or by the user.</summary>
/// <param name="Format">The text layout.</param>
/// <param name="Gzip">Whether the file is gzip-compressed.</param>
internal sealed record HoldoutFileKind(HoldoutFormat Format, bool Gzip)
{
    /// <summary>Detects the kind from the file name: .csv, .tsv, .jsonl (also .ndjson), each optionally followed by .gz; .parquet (also .pq).</summary>
    public static HoldoutFileKind FromPath(string path, HoldoutFormat? formatOverride = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        var gzip = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        if (gzip)
        {
            name = name[..^3];
        }

        if (formatOverride is { } chosen)
        {
            return new HoldoutFileKind(chosen, gzip);
        }

        var extension = Path.GetExtension(name).ToUpperInvariant();
        var format = extension switch
        {
            ".CSV" => HoldoutFormat.Csv,
            ".TSV" or ".TAB" => HoldoutFormat.Tsv,
            ".JSONL" or ".NDJSON" => HoldoutFormat.Jsonl,
            ".PARQUET" or ".PQ" => HoldoutFormat.Parquet,
            _ => throw new HoldoutException(
                path,
                null,
                null,
                null,
                "cannot tell the format from the extension '" + Path.GetExtension(name) + "'",
                "name the file .csv, .tsv or .jsonl (optionally .gz), or .parquet, or set the format explicitly"),
        };
        if (gzip && format == HoldoutFormat.Parquet)
        {
            throw new HoldoutException(path, null, null, null, "a Parquet file cannot be gzipped as a whole",
                "decompress it (Parquet compresses its own pages: write it with snappy, zstd or gzip inside)");
        }

        return new HoldoutFileKind(format, gzip);
    }
}
