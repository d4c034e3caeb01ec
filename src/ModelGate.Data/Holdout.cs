using System.Globalization;
using ModelGate.Core.Evaluation;
using ModelGate.Data.Selection;

namespace ModelGate.Data;

/// <summary>A holdout read into typed columns, with the provenance and bookkeeping the report needs.</summary>
internal sealed class Holdout
{
    private readonly IReadOnlyDictionary<string, HoldoutColumn> columns;
    private readonly long[] lines;
    private readonly long[] rowNumbers;
    private readonly string[]? rowIds;

    private Holdout(HoldoutChunkReader reader, IReadOnlyDictionary<string, HoldoutColumn> columns, long[] lines, long[] rowNumbers, string[]? rowIds)
    {
        File = reader.File;
        Kind = reader.Kind;
        Sha256 = reader.Sha256;
        FileColumns = reader.FileColumns;
        Columns = [.. reader.Columns.Where(columns.ContainsKey)];
        MissingCounts = reader.MissingCounts;
        DroppedRows = reader.DroppedRows;
        FirstDroppedLines = [.. reader.FirstDroppedLines];
        RowsInFile = reader.RowsRead;
        this.columns = columns;
        this.lines = lines;
        this.rowNumbers = rowNumbers;
        this.rowIds = rowIds;
    }

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>Format and compression.</summary>
    public HoldoutFileKind Kind { get; }

    /// <summary>The lowercase hex SHA-256 of the file as stored (compressed bytes for .gz).</summary>
    public string Sha256 { get; }

    /// <summary>Every column in the file, in file order.</summary>
    public IReadOnlyList<string> FileColumns { get; }

    /// <summary>
    /// The materialised columns (without the row id column), in reading order: every column read, or the ones a
    /// streaming caller kept (<see cref="HoldoutChunk.Keep"/>).
    /// </summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows kept (after dropping).</summary>
    public int RowCount => lines.Length;

    /// <summary>Data rows in the file, dropped ones included.</summary>
    public long RowsInFile { get; }

    /// <summary>Missing values per column read (kept or not), counted over every data row of the file.</summary>
    public IReadOnlyDictionary<string, long> MissingCounts { get; }

    /// <summary>Rows dropped for a missing feature value (policy Drop).</summary>
    public long DroppedRows { get; }

    /// <summary>The lines of the first dropped rows (up to 10).</summary>
    public IReadOnlyList<long> FirstDroppedLines { get; }

    /// <summary>Row ids from the row id column; null when none was given.</summary>
    public IReadOnlyList<string>? RowIds => rowIds;

    /// <summary>A column by name.</summary>
    public HoldoutColumn Column(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (columns.TryGetValue(name, out var column))
        {
            return column;
        }

        throw new HoldoutException(
            File,
            null,
            name,
            null,
            "the column was not read" + ColumnPattern.DidYouMean(name, Columns),
            "add it to the columns the holdout is read with");
    }

    /// <summary>The values of a numeric or boolean column as doubles (missing = NaN).</summary>
    public double[] GetDouble(string name) => Numeric(name).ToDoubles();

    /// <summary>The values of a numeric or boolean column as float32 (missing = NaN), what models usually take.</summary>
    public float[] GetFloat(string name) => Numeric(name).ToFloats();

    /// <summary>The values of any column as text (missing = null).</summary>
    public IReadOnlyList<string?> GetText(string name) => Column(name).ToText();

    /// <summary>The column as slice groups (Core's <see cref="SliceColumn"/>): group names are the distinct values, missing = -1.</summary>
    public SliceColumn GetSlice(string name)
    {
        var column = Column(name);
        if (column is TextColumn text)
        {
            return new SliceColumn(name, text.Codes.ToArray(), text.Categories);
        }

        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var of = new int[column.Length];
        for (var i = 0; i < of.Length; i++)
        {
            var value = column.ValueAsText(i);
            if (value is null)
            {
                of[i] = -1;
                continue;
            }

            if (!groups.TryGetValue(value, out var g))
            {
                g = names.Count;
                groups.Add(value, g);
                names.Add(value);
            }

            of[i] = g;
        }

        return new SliceColumn(name, of, names);
    }

    /// <summary>The physical line (1-based, header included) where kept row <paramref name="row"/> starts.</summary>
    public long RowLine(int row) => lines[row];

    /// <summary>The 1-based data row number in the file of kept row <paramref name="row"/> (dropped rows counted).</summary>
    public long RowNumber(int row) => rowNumbers[row];

    /// <summary>The row's id: from the row id column, or its 1-based data row number.</summary>
    public string RowId(int row) => rowIds is null ? rowNumbers[row].ToString(CultureInfo.InvariantCulture) : rowIds[row];

    /// <summary>Builds the holdout from the chunks a streaming read produced, in order.</summary>
    internal static Holdout FromChunks(HoldoutChunkReader reader, IReadOnlyList<HoldoutChunk> chunks)
    {
        if (chunks.Count == 1)
        {
            return FromChunk(reader, chunks[0]);
        }

        // Each array is allocated once at its final size: no growing buffers next to the chunks being joined.
        var merged = chunks[0].Columns.Keys.ToDictionary(n => n, n => ChunkConcatenation.Concat([.. chunks.Select(c => c.Columns[n])]), StringComparer.Ordinal);
        var lines = ChunkConcatenation.Concat(chunks, c => c.Lines.Span);
        var numbers = ChunkConcatenation.Concat(chunks, c => c.RowNumbers.Span);
        var ids = chunks.All(c => c.RowIdArray is not null) ? ChunkConcatenation.Concat(chunks, c => c.RowIdArray.AsSpan()) : null;
        return new Holdout(reader, merged, lines, numbers, ids);
    }

    /// <summary>Builds the holdout from the single chunk a whole-table read produces.</summary>
    internal static Holdout FromChunk(HoldoutChunkReader reader, HoldoutChunk chunk) =>
        new(reader, chunk.Columns, chunk.Lines.ToArray(), chunk.RowNumbers.ToArray(), chunk.RowIds?.ToArray());

    private HoldoutColumn Numeric(string name) => NumericColumns.Require(File, Column(name), lines);
}
