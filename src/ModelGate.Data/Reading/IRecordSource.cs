namespace ModelGate.Data.Reading;

/// <summary>A forward-only reader of records whose fields are UTF-8 spans, valid until the next <see cref="Read"/>.</summary>
internal interface IRecordSource : IDisposable
{
    /// <summary>The column names, in file order.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>The physical line where the current record starts.</summary>
    long Line { get; }

    /// <summary>Moves to the next data record; false at the end of the file.</summary>
    bool Read();

    /// <summary>The value of a column in the current record (unquoted, unescaped UTF-8).</summary>
    ReadOnlySpan<byte> Field(int column);

    /// <summary>Whether the value is absent by construction (a JSON null or a key the line lacks, a Parquet null).</summary>
    bool IsNull(int column);

    /// <summary>Rows in the file when its format records them (Parquet's footer); null for text formats.</summary>
    long? RowCount => null;

    /// <summary>Names the columns that will be read (indexes into <see cref="Names"/>); a columnar source reads only these.</summary>
    void Project(IReadOnlyList<int> columns)
    {
    }

    /// <summary>The kind the file's schema gives a column whose values are stored typed (Parquet numbers and booleans); null when values are text.</summary>
    ColumnKind? StoredKind(int column) => null;

    /// <summary>The current value of a column stored as <see cref="ColumnKind.Number"/>.</summary>
    double Number(int column) => throw new NotSupportedException();

    /// <summary>The current value of a column stored as <see cref="ColumnKind.WholeNumber"/>.</summary>
    long WholeNumber(int column) => throw new NotSupportedException();

    /// <summary>The current value of a column stored as <see cref="ColumnKind.Boolean"/>.</summary>
    bool Boolean(int column) => throw new NotSupportedException();
}
