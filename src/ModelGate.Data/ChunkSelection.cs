namespace ModelGate.Data;

/// <summary>Picks some rows of a chunk's columns (a shard of the holdout), keeping each column's type and categories.</summary>
internal static class ChunkSelection
{
    /// <summary>The values of <paramref name="column"/> at <paramref name="rows"/>, in that order.</summary>
    public static HoldoutColumn Take(HoldoutColumn column, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(rows);
        var name = column.Name;
        return column switch
        {
            NumberColumn number => new NumberColumn(name, Take(number.Values.Span, rows)),
            IntegerColumn integer => new IntegerColumn(name, Take(integer.Values.Span, rows), Mask(column, rows)),
            BooleanColumn boolean => new BooleanColumn(name, Take(boolean.Values.Span, rows), Mask(column, rows)),
            TextColumn text => new TextColumn(name, Take(text.Codes.Span, rows), text.Categories),
            _ => throw new InvalidOperationException("Unknown column type."),
        };
    }

    /// <summary>The items of <paramref name="values"/> at <paramref name="rows"/>.</summary>
    public static T[] Take<T>(ReadOnlySpan<T> values, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = values[rows[i]];
        }

        return result;
    }

    private static bool[]? Mask(HoldoutColumn column, int[] rows)
    {
        if (column.CountMissing() == 0)
        {
            return null;
        }

        var mask = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            mask[i] = column.IsMissing(rows[i]);
        }

        return mask;
    }
}
