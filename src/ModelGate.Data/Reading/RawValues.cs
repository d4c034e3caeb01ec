namespace ModelGate.Data.Reading;

/// <summary>The raw bytes of a column's first values (one per kept row of the first chunk), kept until its kind is decided.</summary>
internal sealed class RawValues
{
    private byte[] bytes = new byte[4096];
    private int used;
    private int[] ends = new int[256];
    private bool[] missing = new bool[256];

    public int Count { get; private set; }

    public void Add(ReadOnlySpan<byte> value, bool isMissing)
    {
        if (Count == ends.Length)
        {
            Array.Resize(ref ends, Count * 2);
            Array.Resize(ref missing, Count * 2);
        }

        if (bytes.Length - used < value.Length)
        {
            Array.Resize(ref bytes, Math.Max(bytes.Length * 2, used + value.Length));
        }

        value.CopyTo(bytes.AsSpan(used));
        used += value.Length;
        ends[Count] = used;
        missing[Count] = isMissing;
        Count++;
    }

    public void RemoveLast()
    {
        Count--;
        used = Count == 0 ? 0 : ends[Count - 1];
    }

    public ReadOnlySpan<byte> Value(int i)
    {
        var start = i == 0 ? 0 : ends[i - 1];
        return bytes.AsSpan(start, ends[i] - start);
    }

    public bool IsMissing(int i) => missing[i];

    /// <summary>Booleans if every present value is true/false, else integers, else doubles, else text; doubles when all are missing.</summary>
    public ColumnKind InferKind()
    {
        bool allBoolean = true, allInt = true, allDouble = true, anyPresent = false;
        for (var i = 0; i < Count && (allBoolean || allInt || allDouble); i++)
        {
            if (missing[i])
            {
                continue;
            }

            anyPresent = true;
            var value = Value(i);
            allBoolean = allBoolean && Utf8NumberParser.TryParseBoolean(value, out _);
            allInt = allInt && Utf8NumberParser.TryParseInt64(value, out _);
            allDouble = allDouble && (allInt || Utf8NumberParser.TryParseDouble(value, out _));
        }

        if (!anyPresent)
        {
            return ColumnKind.Number;
        }

        return allBoolean ? ColumnKind.Boolean : allInt ? ColumnKind.WholeNumber : allDouble ? ColumnKind.Number : ColumnKind.Text;
    }
}
