using System.Globalization;
using System.Text;
using ModelGate.Core;
using ModelGate.Core.Limits;
using ModelGate.Data.Parquet;
using Parquet;
using Parquet.Schema;

namespace ModelGate.Data.Scores;

/// <summary>
/// A score file: one row per scored holdout row, <see cref="ScoreFileHeader.RowIdColumn"/> then the score columns, as
/// plain Parquet (the header in key-value metadata) or CSV (the header in a sidecar <c>&lt;file&gt;.json</c>). Reading
/// goes through the holdout reader, so a score file gets the holdout's limits, streaming and one-line errors.
/// </summary>
internal static class ScoreFile
{
    /// <summary>Rows per Parquet row group written.</summary>
    public const int RowGroupRows = 262_144;

    /// <summary>True when <paramref name="path"/> names a CSV score file (else Parquet).</summary>
    public static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The sidecar that holds a CSV score file's header.</summary>
    public static string SidecarOf(string path) => path + ".json";

    /// <summary>Writes the rows' ids and scores (<paramref name="scores"/> row-major, one column per header score column).</summary>
    public static async Task WriteAsync(string path, ScoreFileHeader header, IReadOnlyList<string> rowIds, double[] scores, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rowIds);
        ArgumentNullException.ThrowIfNull(scores);
        var k = header.ScoreColumns.Count;
        if ((long)rowIds.Count * k != scores.Length)
        {
            throw new ArgumentException("One score per row and score column.", nameof(scores));
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        if (IsCsv(path))
        {
            await WriteCsvAsync(path, header, rowIds, scores, cancellation).ConfigureAwait(false);
        }
        else
        {
            await WriteParquetAsync(path, header, rowIds, scores, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a score file's header (Parquet metadata or the CSV sidecar) without reading its rows.</summary>
    public static ScoreFileHeader ReadHeader(string path, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        if (!File.Exists(path))
        {
            throw new HoldoutException(path, null, null, null, "score file not found", "check the path (globs like 'scores/candidate-*.parquet' are expanded by ModelGate)");
        }

        if (IsCsv(path))
        {
            var sidecar = SidecarOf(path);
            if (!File.Exists(sidecar))
            {
                throw new HoldoutException(path, null, null, null, $"a CSV score file needs its header next to it ({Path.GetFileName(sidecar)}), and there is none",
                    "copy the .json file 'modelgate score' wrote with it, or write Parquet (the header travels inside)");
            }

            if (new FileInfo(sidecar).Length > ScoreFileHeader.MaxBytes)
            {
                throw new HoldoutException(sidecar, null, null, null, "the score file header is larger than 1 MiB", "write it with 'dotnet modelgate score'");
            }

            return ScoreFileHeader.Parse(path, File.ReadAllText(sidecar, Encoding.UTF8));
        }

        using var stream = File.OpenRead(path);
        var metadata = ParquetFailure.Guard(path, null, null, () =>
        {
            var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
            try
            {
                FieldLimitCheck(path, reader.Schema.Fields.Count, limits);
                return reader.CustomMetadata;
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
        if (!metadata.TryGetValue(ScoreFileHeader.MetadataKey, out var json))
        {
            throw new HoldoutException(path, null, null, null, $"not a ModelGate score file: its Parquet metadata has no '{ScoreFileHeader.MetadataKey}' key",
                "write it with 'dotnet modelgate score', or add the header described in docs/scaling.md");
        }

        if (json.Length > ScoreFileHeader.MaxBytes)
        {
            throw new HoldoutException(path, null, null, null, "the score file header is larger than 1 MiB", "write it with 'dotnet modelgate score'");
        }

        return ScoreFileHeader.Parse(path, json);
    }

    /// <summary>Opens the rows for streaming: the row ids and the score columns as numbers, nothing else.</summary>
    public static HoldoutChunkReader OpenRows(string path, ScoreFileHeader header, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(header);
        return HoldoutReader.Open(path, new HoldoutReadOptions
        {
            Format = IsCsv(path) ? HoldoutFormat.Csv : HoldoutFormat.Parquet,
            Columns = [ScoreFileHeader.RowIdColumn, .. header.ScoreColumns],
            Features = [],
            RowIdColumn = ScoreFileHeader.RowIdColumn,
            ColumnKinds = header.ScoreColumns.ToDictionary(c => c, _ => ColumnKind.Number, StringComparer.Ordinal),
            Missing = MissingPolicy.Nan,
            MissingTokens = ["", "NaN"],
            Limits = limits,
        });
    }

    private static void FieldLimitCheck(string path, int fields, ResourceLimits limits) => Reading.FieldLimit.Check(path, 1, fields, limits);

    private static async Task WriteParquetAsync(string path, ScoreFileHeader header, IReadOnlyList<string> rowIds, double[] scores, CancellationToken cancellation)
    {
        var k = header.ScoreColumns.Count;
        var idField = new DataField<string>(ScoreFileHeader.RowIdColumn, false);
        var scoreFields = header.ScoreColumns.Select(c => new DataField<double>(c, false)).ToArray();
        var schema = new ParquetSchema([idField, .. scoreFields]);
        var temporary = path + ".partial";
        await using (var output = File.Create(temporary))
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: cancellation).ConfigureAwait(false);
            writer.CustomMetadata = new Dictionary<string, string>(StringComparer.Ordinal) { [ScoreFileHeader.MetadataKey] = header.ToJson() };
            for (var start = 0; start < rowIds.Count || start == 0; start += RowGroupRows)
            {
                var rows = Math.Min(RowGroupRows, rowIds.Count - start);
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(idField, (IReadOnlyCollection<string>)rowIds.Skip(start).Take(rows).ToArray()).ConfigureAwait(false);
                for (var c = 0; c < k; c++)
                {
                    var column = new double[rows];
                    for (var r = 0; r < rows; r++)
                    {
                        column[r] = scores[((long)(start + r) * k) + c];
                    }

                    await group.WriteAsync(scoreFields[c], new ReadOnlyMemory<double>(column), cancellationToken: cancellation).ConfigureAwait(false);
                }

                if (rowIds.Count == 0)
                {
                    break;
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static async Task WriteCsvAsync(string path, ScoreFileHeader header, IReadOnlyList<string> rowIds, double[] scores, CancellationToken cancellation)
    {
        var k = header.ScoreColumns.Count;
        var temporary = path + ".partial";
        await using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            await writer.WriteLineAsync(string.Join(',', new[] { ScoreFileHeader.RowIdColumn }.Concat(header.ScoreColumns).Select(Quote))).ConfigureAwait(false);
            var line = new StringBuilder();
            for (var r = 0; r < rowIds.Count; r++)
            {
                cancellation.ThrowIfCancellationRequested();
                line.Clear().Append(Quote(rowIds[r]));
                for (var c = 0; c < k; c++)
                {
                    var v = scores[((long)r * k) + c];
                    line.Append(',').Append(double.IsNaN(v) ? "NaN" : v.ToString("R", CultureInfo.InvariantCulture));
                }

                await writer.WriteLineAsync(line, cancellation).ConfigureAwait(false);
            }
        }

        await File.WriteAllTextAsync(SidecarOf(path), header.ToJson() + "\n", new UTF8Encoding(false), cancellation).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 && field.Length > 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
