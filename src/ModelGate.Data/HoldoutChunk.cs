namespace ModelGate.Data;

/// <summary>A batch of consecutive kept rows from the streaming path, with every requested column.</summary>
public sealed class HoldoutChunk
{
    private readonly long[] lines;
    private readonly long[] rowNumbers;

    internal HoldoutChunk(int startRow, IReadOnlyDictionary<string, HoldoutColumn> columns, long[] lines, long[] rowNumbers, int rowCount, string[]? rowIds)
    {
        StartRow = startRow;
        RowCount = rowCount;
        Columns = columns;
        this.lines = lines;
        this.rowNumbers = rowNumbers;
        RowIds = rowIds;
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
    public IReadOnlyList<string>? RowIds { get; }

    /// <summary>Row-major float32 features [RowCount x names.Count], the layout a model input takes.</summary>
    public float[] GetFeatures(IReadOnlyList<string> names) => FeatureMatrix.Build(this.Columns, names, RowCount);
}
