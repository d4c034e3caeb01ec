namespace ModelGate.Data;

/// <summary>Joins the pieces of one column from consecutive chunks (an inferred integer column may turn double in a later chunk).</summary>
internal static class ChunkConcatenation
{
    public static HoldoutColumn Concat(IReadOnlyList<HoldoutColumn> parts)
    {
        var name = parts[0].Name;
        return parts[^1] switch
        {
            NumberColumn => new NumberColumn(name, parts.SelectMany(p => p.ToDoubles()).ToArray()),
            IntegerColumn => new IntegerColumn(name, parts.SelectMany(p => ((IntegerColumn)p).Values.ToArray()).ToArray(), Mask(parts)),
            BooleanColumn => new BooleanColumn(name, parts.SelectMany(p => ((BooleanColumn)p).Values.ToArray()).ToArray(), Mask(parts)),
            TextColumn last => new TextColumn(name, parts.SelectMany(p => ((TextColumn)p).Codes.ToArray()).ToArray(), last.Categories),
            _ => throw new InvalidOperationException("Unknown column type."),
        };
    }

    private static bool[] Mask(IReadOnlyList<HoldoutColumn> parts) =>
        parts.SelectMany(p => Enumerable.Range(0, p.Length).Select(p.IsMissing)).ToArray();
}
