using System.Runtime.CompilerServices;
using System.Text;
using ModelGate.Core.Text;

namespace ModelGate.Data.Reading;

/// <summary>
/// Accumulates one column's values for a chunk. A column without a declared type first keeps its raw bytes,
/// and when enough rows are seen decides its kind and replays them; after that values are parsed straight
/// from the field spans, so numeric columns never allocate a string per value.
/// </summary>
internal sealed class ColumnBuilder
{
    private readonly string file;
    private readonly bool declared;
    private int decidedFrom;
    private readonly Dictionary<string, int> categoryCodes = new(StringComparer.Ordinal);
    private readonly List<string> categories = [];
    private RawValues? raw;
    private ColumnKind kind;
    private int count;
    private double[] doubles = [];
    private long[] longs = [];
    private bool[] booleans = [];
    private bool[]? missing;
    private int[] codes = [];
    private string[] texts = [];
    private char[] chars = new char[256];
    private string[]? categorySnapshot;
    private Dictionary<string, long>? idLines;
    private bool lastAddedCategory;

    public ColumnBuilder(string name, string file, ColumnKind? declaredKind, bool isRowId)
    {
        Name = name;
        this.file = file;
        IsRowId = isRowId;
        declared = declaredKind is not null || isRowId;
        if (isRowId)
        {
            kind = ColumnKind.Text;
        }
        else if (declaredKind is { } k)
        {
            kind = k;
        }
        else
        {
            raw = new RawValues();
        }
    }

    public string Name { get; }

    public bool IsRowId { get; }

    /// <summary>The kind, once decided.</summary>
    public ColumnKind? Kind => raw is null ? kind : null;

    /// <summary>Adds a value; <paramref name="line"/> is for error messages.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(ReadOnlySpan<byte> value, bool isMissing, long line)
    {
        // The hot path: a decided number column with room left parses straight from the span.
        if (kind == ColumnKind.Number && raw is null && count < doubles.Length && !IsRowId)
        {
            if (isMissing)
            {
                doubles[count++] = double.NaN;
            }
            else if (Utf8NumberParser.TryParseDouble(value, out doubles[count]))
            {
                count++;
            }
            else
            {
                throw NotA("a number", value, line);
            }

            return;
        }

        if (kind == ColumnKind.WholeNumber && raw is null && count < longs.Length && !IsRowId && !isMissing
            && Utf8NumberParser.TryParseInt64(value, out longs[count]))
        {
            count++;
            return;
        }

        AppendSlow(value, isMissing, line);
    }

    /// <summary>Adds a value the source stores typed as this column's kind (Parquet), without a text round trip.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendStored(IRecordSource source, int column, bool isMissing)
    {
        EnsureCapacity();
        switch (kind)
        {
            case ColumnKind.Number:
                doubles[count++] = isMissing ? double.NaN : source.Number(column);
                break;
            case ColumnKind.WholeNumber:
                if (isMissing)
                {
                    MarkMissing();
                }

                longs[count++] = isMissing ? 0 : source.WholeNumber(column);
                break;
            default:
                if (isMissing)
                {
                    MarkMissing();
                }

                booleans[count++] = !isMissing && source.Boolean(column);
                break;
        }
    }

    /// <summary>Removes the value added last (its row was dropped).</summary>
    public void RemoveLast()
    {
        if (raw is not null)
        {
            raw.RemoveLast();
            return;
        }

        count--;
        if (missing is not null)
        {
            missing[count] = false;
        }

        if (IsRowId)
        {
            idLines!.Remove(texts[count]);
        }
        else if (kind == ColumnKind.Text && lastAddedCategory && codes[count] == categories.Count - 1)
        {
            // A value first seen in a dropped row must not become a category (a slice group with no rows).
            categoryCodes.Remove(categories[^1]);
            categories.RemoveAt(categories.Count - 1);
        }

        lastAddedCategory = false;
    }

    private void AppendSlow(ReadOnlySpan<byte> value, bool isMissing, long line)
    {
        if (raw is not null)
        {
            raw.Add(value, isMissing);
            return;
        }

        EnsureCapacity();
        if (IsRowId)
        {
            if (isMissing)
            {
                throw new HoldoutException(file, line, Name, null, "the row id is missing", "give every row an id, or do not use this column as the row id");
            }

            var id = Encoding.UTF8.GetString(value);
            idLines ??= new Dictionary<string, long>(StringComparer.Ordinal);
            if (!idLines.TryAdd(id, line))
            {
                throw new HoldoutException(
                    file,
                    line,
                    Name,
                    id,
                    FormattableString.Invariant($"the row id '{id}' was already used on line {idLines[id]}"),
                    "give every row a unique id, or do not use this column as the row id");
            }

            texts[count++] = id;
            return;
        }

        switch (kind)
        {
            case ColumnKind.Number:
                AppendDouble(value, isMissing, line);
                break;
            case ColumnKind.WholeNumber:
                AppendInt64(value, isMissing, line);
                break;
            case ColumnKind.Boolean:
                AppendBoolean(value, isMissing, line);
                break;
            default:
                codes[count++] = isMissing ? -1 : Code(value);
                break;
        }
    }

    /// <summary>Decides the kind of an undeclared column from the values seen so far and replays them; <paramref name="lines"/> holds the line of each kept row of the chunk.</summary>
    public void Decide(long[] lines)
    {
        if (raw is null)
        {
            return;
        }

        var pending = raw;
        raw = null;
        decidedFrom = pending.Count;
        kind = pending.InferKind();
        for (var i = 0; i < pending.Count; i++)
        {
            Append(pending.Value(i), pending.IsMissing(i), lines[i]);
        }
    }

    /// <summary>How many values to make room for at the next allocation (an estimate of the rows to come).</summary>
    public int CapacityHint { get; set; }

    /// <summary>Hands over the values gathered since the last call as a column (its buffers, not a copy), and starts afresh.</summary>
    public HoldoutColumn? Take(long[] lines, out string[]? rowIds)
    {
        Decide(lines);
        rowIds = null;
        var n = count;
        count = 0;
        if (IsRowId)
        {
            rowIds = texts.Length == n ? texts : texts[..n];
            texts = [];
            return null;
        }

        HoldoutColumn column = kind switch
        {
            ColumnKind.Number => new NumberColumn(Name, doubles, n),
            ColumnKind.WholeNumber => new IntegerColumn(Name, longs, missing, n),
            ColumnKind.Boolean => new BooleanColumn(Name, booleans, missing, n),
            _ => new TextColumn(Name, codes, Categories(), n),
        };
        doubles = [];
        longs = [];
        booleans = [];
        codes = [];
        missing = null;
        return column;
    }

    private string[] Categories()
    {
        if (categorySnapshot is null || categorySnapshot.Length != categories.Count)
        {
            categorySnapshot = [.. categories];
        }

        return categorySnapshot;
    }

    private void AppendDouble(ReadOnlySpan<byte> value, bool isMissing, long line)
    {
        if (isMissing)
        {
            doubles[count++] = double.NaN;
            return;
        }

        if (!Utf8NumberParser.TryParseDouble(value, out var d))
        {
            throw NotA("a number", value, line);
        }

        doubles[count++] = d;
    }

    private void AppendInt64(ReadOnlySpan<byte> value, bool isMissing, long line)
    {
        if (isMissing)
        {
            MarkMissing();
            longs[count++] = 0;
            return;
        }

        if (Utf8NumberParser.TryParseInt64(value, out var l))
        {
            longs[count++] = l;
            return;
        }

        if (!declared && Utf8NumberParser.TryParseDouble(value, out _))
        {
            // An inferred integer column that turns out to hold decimals becomes a double column: no precision is
            // lost for integers below 2^53, and the user did not ask for integers.
            PromoteToDouble();
            AppendDouble(value, false, line);
            return;
        }

        throw NotA("an integer", value, line);
    }

    private void AppendBoolean(ReadOnlySpan<byte> value, bool isMissing, long line)
    {
        if (isMissing)
        {
            MarkMissing();
            booleans[count++] = false;
            return;
        }

        if (!Utf8NumberParser.TryParseBoolean(value, out var b))
        {
            throw NotA("true or false", value, line);
        }

        booleans[count++] = b;
    }

    private void PromoteToDouble()
    {
        doubles = new double[longs.Length];
        for (var i = 0; i < count; i++)
        {
            doubles[i] = missing is not null && missing[i] ? double.NaN : longs[i];
        }

        longs = [];
        missing = null;
        kind = ColumnKind.Number;
    }

    private void MarkMissing()
    {
        missing ??= new bool[Capacity()];
        missing[count] = true;
    }

    private int Code(ReadOnlySpan<byte> value)
    {
        if (chars.Length < value.Length)
        {
            chars = new char[Math.Max(value.Length, chars.Length * 2)];
        }

        var n = Encoding.UTF8.GetChars(value, chars);
        var text = chars.AsSpan(0, n);
        var lookup = categoryCodes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var code))
        {
            lastAddedCategory = false;
            return code;
        }

        lastAddedCategory = true;
        code = categories.Count;
        var s = new string(text);
        categories.Add(s);
        categoryCodes.Add(s, code);
        return code;
    }

    private HoldoutException NotA(string what, ReadOnlySpan<byte> value, long line)
    {
        var text = Encoding.UTF8.GetString(value);
        var fix = declared
            ? "fix the value, or declare the column's type as text"
            : FormattableString.Invariant($"fix the value, or declare the column's type as text (its type was inferred from its first {decidedFrom} values)");
        return new HoldoutException(file, line, Name, text, ConsoleText.Preview(text) + " is not " + what, fix);
    }

    private int Capacity() => kind switch
    {
        _ when IsRowId => texts.Length,
        ColumnKind.Number => doubles.Length,
        ColumnKind.WholeNumber => longs.Length,
        ColumnKind.Boolean => booleans.Length,
        _ => codes.Length,
    };

    private void EnsureCapacity()
    {
        var capacity = Capacity();
        if (count < capacity)
        {
            return;
        }

        // Grow to the estimated row count at once when it is known, else by half: no doubling waste at the end.
        var next = (int)Math.Min(Array.MaxLength, Math.Max(Math.Max(1024, CapacityHint), capacity + (capacity / 2L)));
        if (IsRowId)
        {
            Array.Resize(ref texts, next);
        }
        else
        {
            switch (kind)
            {
                case ColumnKind.Number:
                    Array.Resize(ref doubles, next);
                    break;
                case ColumnKind.WholeNumber:
                    Array.Resize(ref longs, next);
                    break;
                case ColumnKind.Boolean:
                    Array.Resize(ref booleans, next);
                    break;
                default:
                    Array.Resize(ref codes, next);
                    break;
            }
        }

        if (missing is not null)
        {
            Array.Resize(ref missing, next);
        }
    }
}
