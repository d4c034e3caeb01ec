namespace ModelGate.Data;

/// <summary>A batch of consecutive kept rows from the streaming path, with every requested column.</summary>
internal sealed class HoldoutChunk
{
    private readonly long[] lines;
    private readonly long[] rowNumbers;
    private readonly string[]? rowIds;

    internal HoldoutChunk(int startRow, IReadOnlyDictionary<string, HoldoutColumn> columns, long[] lines, long[] rowNumbers, int rowCount, string[]? rowIds)
    {
        StartRow = startRow;
        RowCount = rowCount;
        Columns = columns;
        this.lines = lines;
        this.rowNumbers = rowNumbers;
        this.rowIds = rowIds;
    }

    /// <summary>The 0-based index, among all kept rows of the holdout, of this chunk's first row.</summary>
    public int StartRow { get; }

    /// <summary>Rows in this chunk.</summary>
    public int RowCount { get; }

    /// <summary>The requested columns by name (the row id column is in <see cref="RowIds"/> instead).</summary>
    public IReadOnlyDictionary<string, HoldoutColumn> Columns { get; }

    /// <summary>The physical line each row starts on.</summary>
    public ReadOnlyMemory<long> Lines => lines.AsMemory(0, RowCount);

    /// <summary>The 1-based data row number of each row in the file (counting dropped rows, not the header).</summary>
    public ReadOnlyMemory<long> RowNumbers => rowNumbers.AsMemory(0, RowCount);

    /// <summary>The row ids, when a row id column was given.</summary>
    public IReadOnlyList<string>? RowIds => rowIds;

    /// <summary>The row ids as stored, for joining chunks without copying them one by one.</summary>
    internal string[]? RowIdArray => rowIds;

    /// <summary>
    /// Only the rows at <paramref name="rows"/> (0-based within this chunk, ascending), with every column, line, row
    /// number and row id: a shard of the holdout, taken before the models see the chunk.
    /// </summary>
    public HoldoutChunk Rows(int[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = new Dictionary<string, HoldoutColumn>(StringComparer.Ordinal);
        foreach (var (name, column) in Columns)
        {
            columns[name] = ChunkSelection.Take(column, rows);
        }

        return new HoldoutChunk(StartRow, columns, ChunkSelection.Take(Lines.Span, rows), ChunkSelection.Take(RowNumbers.Span, rows), rows.Length,
            rowIds is null ? null : ChunkSelection.Take<string>(rowIds.AsSpan(0, RowCount), rows));
    }

    /// <summary>The row's id: from the row id column, or its 1-based data row number (as <see cref="Holdout.RowId"/> gives it).</summary>
    public string RowId(int row) => rowIds is null ? rowNumbers[row].ToString(System.Globalization.CultureInfo.InvariantCulture) : rowIds[row];

    /// <summary>
    /// The same rows with only the columns named in <paramref name="keep"/> (names it does not hold are ignored): once
    /// a chunk's model inputs are built, the columns only the models read can be let go instead of joined into the holdout.
    /// Lines, row numbers and row ids stay; the kept columns are shared, not copied.
    /// </summary>
    public HoldoutChunk Keep(IReadOnlySet<string> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var kept = new Dictionary<string, HoldoutColumn>(StringComparer.Ordinal);
        foreach (var (name, column) in Columns)
        {
            if (keep.Contains(name))
            {
                kept[name] = column;
            }
        }

        return new HoldoutChunk(StartRow, kept, lines, rowNumbers, RowCount, rowIds);
    }

    /// <summary>
    /// The same rows with the columns in <paramref name="replaced"/> swapped in (a perturbed copy, for instance); the other
    /// columns, lines, row numbers and row ids are shared, not copied.
    /// </summary>
    public HoldoutChunk With(IReadOnlyDictionary<string, HoldoutColumn> replaced)
    {
        ArgumentNullException.ThrowIfNull(replaced);
        var columns = new Dictionary<string, HoldoutColumn>(StringComparer.Ordinal);
        foreach (var (name, column) in Columns)
        {
            columns[name] = replaced.TryGetValue(name, out var other) ? other : column;
        }

        return new HoldoutChunk(StartRow, columns, lines, rowNumbers, RowCount, rowIds);
    }
}
