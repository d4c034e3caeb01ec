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

    /// <summary>Whether the value is absent by construction (a JSON null or a key the line lacks).</summary>
    bool IsNull(int column);
}
