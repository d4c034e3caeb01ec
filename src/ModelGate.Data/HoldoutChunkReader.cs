using System.Runtime.CompilerServices;
using ModelGate.Data.Parquet;
using ModelGate.Data.Reading;
using ModelGate.Data.Selection;
using ModelGate.Core;

namespace ModelGate.Data;

/// <summary>
/// Reads a holdout file in chunks of rows so evaluation can start before the whole file is read; memory grows with
/// the requested columns of one chunk, not with the file. The file's SHA-256 is computed on the same pass.
/// </summary>
internal sealed class HoldoutChunkReader : IDisposable
{
    private const int OffenderLimit = 5;
    private const int DroppedLineLimit = 10;

    private readonly HoldoutReadOptions options;
    private readonly InputFile input;
    private readonly IRecordSource source;
    private readonly ColumnBuilder[] builders;
    private readonly int[] sourceIndex;
    private readonly bool[] isFeature;
    private readonly bool[] stored;
    private readonly long[] missingCounts;
    private readonly MissingTokens tokens;
    private readonly List<long> droppedLines = [];
    private long[] lines = [];
    private long[] rowNumbers = [];
    private int keptRows;
    private long keptTotal;
    private int capacityHint;
    private bool finished;
    private string? sha256;

    internal HoldoutChunkReader(string file, HoldoutReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InferenceRows, 1);
        this.options = options;
        File = file;
        Kind = HoldoutFileKind.FromPath(file, options.Format);
        input = InputFile.Open(file, Kind.Gzip, options.Limits);
        try
        {
            source = Wrap<IRecordSource>(() => Kind.Format switch
            {
                HoldoutFormat.Jsonl => new JsonlRecordSource(input.Text, file, options.Limits),
                HoldoutFormat.Parquet => new ParquetRecordSource(file, options.MissingTokens, options.Limits),
                _ => new CsvRecordSource(input.Text, file, Kind.Format == HoldoutFormat.Tsv ? '\t' : ',', options.Limits),
            });
            FileColumns = source.Names;
            HeaderCheck.Validate(file, FileColumns);
            ColumnPattern.Resolve(options.ColumnKinds.Keys, FileColumns, file);
            var selected = SelectColumns();
            Columns = selected.Where(n => n != options.RowIdColumn).ToArray();
            var features = options.Features is null
                ? Columns.ToHashSet(StringComparer.Ordinal)
                : ColumnPattern.Resolve(options.Features, FileColumns, file).ToHashSet(StringComparer.Ordinal);
            // One dictionary over the header: a list search per column made wide holdouts quadratic in the column count.
            var position = FileColumns.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
            sourceIndex = selected.Select(n => position.GetValueOrDefault(n, -1)).ToArray();
            source.Project(sourceIndex);
            // A kind the file's schema states (Parquet) is declared, not inferred; the policy's own types still win.
            builders = selected.Select((n, j) => new ColumnBuilder(
                n,
                file,
                options.ColumnKinds.TryGetValue(n, out var k) ? k : sourceIndex[j] < 0 ? null : source.StoredKind(sourceIndex[j]),
                n == options.RowIdColumn)).ToArray();
            stored = builders.Select((b, j) => !b.IsRowId && b.Kind is { } kind && sourceIndex[j] >= 0 && source.StoredKind(sourceIndex[j]) == kind).ToArray();
            isFeature = selected.Select(n => n != options.RowIdColumn && features.Contains(n)).ToArray();
            missingCounts = new long[selected.Count];
            tokens = new MissingTokens(options.MissingTokens);
        }
        catch
        {
            source?.Dispose();
            input.Dispose();
            throw;
        }
    }

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>Format and compression.</summary>
    public HoldoutFileKind Kind { get; }

    /// <summary>Every column in the file, in file order.</summary>
    public IReadOnlyList<string> FileColumns { get; }

    /// <summary>The materialised columns (requested order; globs expanded in file order), without the row id column.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Data rows read so far, including dropped ones.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Rows dropped so far because a feature value was missing (policy Drop).</summary>
    public long DroppedRows { get; private set; }

    /// <summary>The lines of the first dropped rows (up to 10), for the report.</summary>
    public IReadOnlyList<long> FirstDroppedLines => droppedLines;

    /// <summary>Missing values per materialised column over all rows read so far (dropped rows included).</summary>
    public IReadOnlyDictionary<string, long> MissingCounts =>
        builders.Select((b, i) => (b.Name, Count: missingCounts[i])).ToDictionary(p => p.Name, p => p.Count, StringComparer.Ordinal);

    /// <summary>The kinds of the materialised columns; known once the first chunk has been read.</summary>
    public IReadOnlyDictionary<string, ColumnKind> ColumnKinds =>
        builders.Where(b => !b.IsRowId && b.Kind is not null).ToDictionary(b => b.Name, b => b.Kind!.Value, StringComparer.Ordinal);

    /// <summary>The lowercase hex SHA-256 of the file as stored; available once every chunk has been read.</summary>
    public string Sha256 => sha256 ?? throw new InvalidOperationException("The SHA-256 is known once the whole file has been read.");

    /// <summary>Whether every row has been read.</summary>
    public bool IsFinished => finished;

    /// <summary>Reads the next chunk of up to <see cref="HoldoutReadOptions.ChunkRows"/> kept rows; null at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public HoldoutChunk? ReadChunk()
    {
        if (finished)
        {
            return null;
        }

        var startRow = keptRows;
        var rows = 0;
        List<(long Line, string Column)>? offenders = null;
        while (rows < options.ChunkRows)
        {
            if (!ReadRecord())
            {
                finished = true;
                break;
            }

            RowsRead++;
            var line = source.Line;
            var firstMissingFeature = -1;
            for (var j = 0; j < builders.Length; j++)
            {
                var c = sourceIndex[j];
                bool missing;
                if (stored[j])
                {
                    missing = source.IsNull(c);
                    builders[j].AppendStored(source, c, missing);
                }
                else
                {
                    var value = source.Field(c);
                    missing = source.IsNull(c) || tokens.IsMissing(value);

                    // Every value is checked against its column's type, also in rows the missing policy then drops.
                    builders[j].Append(value, missing, line);
                }

                if (missing)
                {
                    missingCounts[j]++;
                    if (isFeature[j] && firstMissingFeature < 0)
                    {
                        firstMissingFeature = j;
                    }
                }
            }

            if (firstMissingFeature >= 0 && options.Missing != MissingPolicy.Nan)
            {
                foreach (var builder in builders)
                {
                    builder.RemoveLast();
                }

                if (options.Missing == MissingPolicy.Fail)
                {
                    offenders ??= [];
                    offenders.Add((line, builders[firstMissingFeature].Name));
                    if (offenders.Count == OffenderLimit)
                    {
                        break;
                    }
                }
                else
                {
                    DroppedRows++;
                    if (droppedLines.Count < DroppedLineLimit)
                    {
                        droppedLines.Add(line);
                    }
                }

                continue;
            }

            Remember(rows, line);
            rows++;
            keptTotal++;
            if (keptTotal == options.InferenceRows)
            {
                SizeBuffers();
                foreach (var builder in builders)
                {
                    builder.Decide(lines);
                }
            }
        }

        if (offenders is not null)
        {
            throw MissingFeatures(offenders);
        }

        if (finished)
        {
            Finish();
        }

        if (rows == 0 && startRow == 0)
        {
            throw NoRows();
        }

        if (rows == 0)
        {
            return null;
        }

        keptRows += rows;
        return TakeChunk(startRow, rows);
    }

    /// <summary>Reads every remaining chunk.</summary>
    public IEnumerable<HoldoutChunk> ReadChunks()
    {
        while (ReadChunk() is { } chunk)
        {
            yield return chunk;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        source.Dispose();
        input.Dispose();
    }

    private List<string> SelectColumns()
    {
        var wanted = options.Columns is null ? null : options.Columns.Concat(options.Features ?? []);
        var selected = wanted is null ? [.. FileColumns] : ColumnPattern.Resolve(wanted, FileColumns, File).ToList();
        if (options.RowIdColumn is { } id)
        {
            ColumnPattern.Resolve([id], FileColumns, File);
            if (!selected.Contains(id))
            {
                selected.Add(id);
            }
        }

        return selected;
    }

    private void SizeBuffers()
    {
        // Rows to come, from the share of the file read so far, plus a margin: buffers are then allocated once
        // instead of grown by doubling, which would leave up to half of them unused.
        var estimate = source.RowCount is { } total ? total - RowsRead + keptTotal + 1024
            : input.BytesRead == 0 ? 0 : (double)RowsRead * input.Length / input.BytesRead * 1.05 + 1024;
        var hint = (int)Math.Min(Math.Min(options.ChunkRows, estimate), Array.MaxLength);
        capacityHint = hint;
        foreach (var builder in builders)
        {
            builder.CapacityHint = hint;
        }
    }

    private void Remember(int row, long line)
    {
        if (row == lines.Length)
        {
            var next = (int)Math.Min(Array.MaxLength, Math.Max(Math.Max(1024, capacityHint), row + (row / 2L)));
            Array.Resize(ref lines, next);
            Array.Resize(ref rowNumbers, next);
        }

        lines[row] = line;
        rowNumbers[row] = RowsRead;
    }

    private HoldoutChunk TakeChunk(int startRow, int rows)
    {
        var columns = new Dictionary<string, HoldoutColumn>(StringComparer.Ordinal);
        string[]? ids = null;
        foreach (var builder in builders)
        {
            var column = builder.Take(lines, out var rowIds);
            if (column is not null)
            {
                columns[builder.Name] = column;
            }
            else
            {
                ids = rowIds;
            }
        }

        var chunk = new HoldoutChunk(startRow, columns, lines, rowNumbers, rows, ids);
        lines = [];
        rowNumbers = [];
        return chunk;
    }

    private void Finish()
    {
        foreach (var builder in builders)
        {
            builder.Decide(lines);
        }

        sha256 = Wrap(input.FinishHash);
    }

    private HoldoutException NoRows()
    {
        if (RowsRead == 0)
        {
            return new HoldoutException(File, 1, null, null, "the file has a header but no data rows", "a holdout needs at least one data row");
        }

        return new HoldoutException(
            File,
            null,
            null,
            null,
            FormattableString.Invariant($"all {RowsRead} rows have a missing feature value and were dropped"),
            "fill in the missing values, or choose the pass policy (missing values reach the model as NaN)");
    }

    private HoldoutException MissingFeatures(List<(long Line, string Column)> offenders)
    {
        var first = offenders[0];
        var list = string.Join(", ", offenders.Select(o => FormattableString.Invariant($"line {o.Line} ('{o.Column}')")));
        return new HoldoutException(
            File,
            first.Line,
            first.Column,
            null,
            "missing value in a feature column (first rows with one: " + list + ")",
            "fill in the values, or choose the drop policy (skip such rows) or the pass policy (send NaN to the model)");
    }

    private bool ReadRecord()
    {
        try
        {
            return source.Read();
        }
        catch (IOException e)
        {
            throw Unreadable(e);
        }
    }

    private HoldoutException Unreadable(IOException e) =>
        new(File, null, null, null, "cannot be read (" + e.Message.TrimEnd('.') + ")", "check that the file is complete and readable", e);

    private T Wrap<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (IOException e)
        {
            throw Unreadable(e);
        }
    }
}
