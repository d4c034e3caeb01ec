using System.Globalization;
using System.Text;
using ModelGate.Core.Limits;
using ModelGate.Data.Reading;
using Parquet;
using Parquet.Schema;

namespace ModelGate.Data.Parquet;

/// <summary>
/// A Parquet file read one row group at a time, only the columns the run needs (<see cref="Project"/>). Numbers,
/// whole numbers and booleans keep their stored type (no text round trip); strings, dates and timestamps reach the
/// column builders as UTF-8 text, like a CSV field. A null is a missing value; a NaN float is one where "NaN" is a
/// missing token, as the text NaN is in a CSV. Memory is one row group of the projected columns.
/// </summary>
internal sealed class ParquetRecordSource : IRecordSource
{
    private readonly string file;
    private readonly FileStream stream;
    private readonly ParquetReader reader;
    private readonly Field[] fields;
    private readonly bool nanIsMissing;
    private ParquetColumnValues?[] values;
    private int rowGroup = -1;
    private long rowsInGroup;
    private long rowInGroup;
    private byte[] scratch = new byte[256];

    public ParquetRecordSource(string file, IReadOnlyList<string> missingTokens, ResourceLimits limits)
    {
        this.file = file;
        nanIsMissing = missingTokens.Contains("NaN", StringComparer.Ordinal);
        try
        {
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoldoutException(file, null, null, null, "cannot be read (" + e.Message.TrimEnd('.') + ")", "check that the file is readable by this user", e);
        }

        try
        {
            reader = ParquetFailure.Guard(file, null, null, () => ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }).GetAwaiter().GetResult());
            fields = [.. reader.Schema.Fields];
            Names = [.. fields.Select(f => f.Name)];
            FieldLimit.Check(file, 1, Names.Count, limits);
            RowCount = reader.RowGroups.Sum(g => g.RowCount);
        }
        catch
        {
            reader?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            stream.Dispose();
            throw;
        }

        values = new ParquetColumnValues?[fields.Length];
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Rows in the file, from its footer.</summary>
    public long? RowCount { get; }

    /// <summary>The 1-based row number in the file (Parquet has no lines; messages say "line" for it).</summary>
    public long Line { get; private set; }

    /// <inheritdoc />
    public void Project(IReadOnlyList<int> columns)
    {
        var loaders = new ParquetColumnValues?[fields.Length];
        foreach (var c in columns)
        {
            if (c >= 0 && loaders[c] is null)
            {
                loaders[c] = ParquetColumnValues.For(file, fields[c]);
            }
        }

        values = loaders;
    }

    /// <inheritdoc />
    public ColumnKind? StoredKind(int column) => values[column] is { Kind: not ColumnKind.Text } v ? v.Kind : null;

    /// <inheritdoc />
    public double Number(int column) => values[column]!.Numbers[rowInGroup];

    /// <inheritdoc />
    public long WholeNumber(int column) => values[column]!.Longs[rowInGroup];

    /// <inheritdoc />
    public bool Boolean(int column) => values[column]!.Booleans[rowInGroup];

    public bool Read()
    {
        while (rowInGroup + 1 >= rowsInGroup)
        {
            if (rowGroup + 1 >= reader.RowGroupCount)
            {
                return false;
            }

            LoadRowGroup(rowGroup + 1);
        }

        rowInGroup++;
        Line++;
        return true;
    }

    public ReadOnlySpan<byte> Field(int column)
    {
        var v = values[column]!;
        var i = rowInGroup;
        if (v.Nulls[i])
        {
            return default;
        }

        int written;
        switch (v.Kind)
        {
            case ColumnKind.Number:
                while (!v.Numbers[i].TryFormat(scratch, out written, "R", CultureInfo.InvariantCulture))
                {
                    scratch = new byte[scratch.Length * 2];
                }

                return scratch.AsSpan(0, written);
            case ColumnKind.WholeNumber:
                v.Longs[i].TryFormat(scratch, out written, default, CultureInfo.InvariantCulture);
                return scratch.AsSpan(0, written);
            case ColumnKind.Boolean:
                return v.Booleans[i] ? "true"u8 : "false"u8;
            default:
                var text = v.Texts[i].Span;
                var length = Encoding.UTF8.GetMaxByteCount(text.Length);
                if (scratch.Length < length)
                {
                    scratch = new byte[Math.Max(length, scratch.Length * 2)];
                }

                written = Encoding.UTF8.GetBytes(text, scratch);
                return scratch.AsSpan(0, written);
        }
    }

    public bool IsNull(int column)
    {
        var v = values[column]!;
        return v.Nulls[rowInGroup] || (nanIsMissing && v.Kind == ColumnKind.Number && double.IsNaN(v.Numbers[rowInGroup]));
    }

    public void Dispose()
    {
        reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        stream.Dispose();
    }

    private void LoadRowGroup(int index)
    {
        rowGroup = index;
        using var group = reader.OpenRowGroupReader(index);
        if (group.RowCount > Array.MaxLength)
        {
            throw new HoldoutException(file, null, null, null,
                string.Create(CultureInfo.InvariantCulture, $"row group {index + 1} has {group.RowCount:N0} rows, more than one chunk can hold"),
                "write the file with smaller row groups (a few hundred thousand rows each)");
        }

        var rows = (int)group.RowCount;
        foreach (var v in values)
        {
            v?.Load(group, index, rows);
        }

        rowsInGroup = rows;
        rowInGroup = -1;
    }
}
