namespace ModelGate.Data;

/// <summary>
/// Joins the pieces of one column from consecutive chunks (an inferred integer column may turn double in a later chunk).
/// Every result is allocated once at its final length and filled by block copies.
/// </summary>
internal static class ChunkConcatenation
{
    public static HoldoutColumn Concat(IReadOnlyList<HoldoutColumn> parts)
    {
        var name = parts[0].Name;
        return parts[^1] switch
        {
            NumberColumn => new NumberColumn(name, Doubles(parts)),
            IntegerColumn => new IntegerColumn(name, Concat(parts, p => ((IntegerColumn)p).Values.Span), Mask(parts)),
            BooleanColumn => new BooleanColumn(name, Concat(parts, p => ((BooleanColumn)p).Values.Span), Mask(parts)),
            TextColumn last => new TextColumn(name, Concat(parts, p => ((TextColumn)p).Codes.Span), last.Categories),
            _ => throw new InvalidOperationException("Unknown column type."),
        };
    }

    /// <summary>The parts' spans one after the other in one array.</summary>
    public static T[] Concat<TPart, T>(IReadOnlyList<TPart> parts, SpanOf<TPart, T> span)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length = checked(length + span(part).Length);
        }

        var result = new T[length];
        var at = 0;
        foreach (var part in parts)
        {
            var piece = span(part);
            piece.CopyTo(result.AsSpan(at));
            at += piece.Length;
        }

        return result;
    }

    // A number column may follow integer (or boolean) parts inferred from earlier chunks: those are widened value by value.
    private static double[] Doubles(IReadOnlyList<HoldoutColumn> parts)
    {
        var result = new double[Length(parts)];
        var at = 0;
        foreach (var part in parts)
        {
            if (part is NumberColumn number)
            {
                number.Values.Span.CopyTo(result.AsSpan(at));
            }
            else
            {
                for (var i = 0; i < part.Length; i++)
                {
                    result[at + i] = part.ValueAsDouble(i);
                }
            }

            at += part.Length;
        }

        return result;
    }

    // Null when no part has a missing value (the columns treat a null mask as nothing missing).
    private static bool[]? Mask(IReadOnlyList<HoldoutColumn> parts)
    {
        if (parts.All(p => p.CountMissing() == 0))
        {
            return null;
        }

        var mask = new bool[Length(parts)];
        var at = 0;
        foreach (var part in parts)
        {
            for (var i = 0; i < part.Length; i++)
            {
                mask[at + i] = part.IsMissing(i);
            }

            at += part.Length;
        }

        return mask;
    }

    private static int Length(IReadOnlyList<HoldoutColumn> parts)
    {
        var length = 0;
        foreach (var part in parts)
        {
            length = checked(length + part.Length);
        }

        return length;
    }
}

/// <summary>The span of <typeparamref name="T"/> one part contributes.</summary>
internal delegate ReadOnlySpan<T> SpanOf<in TPart, T>(TPart part);
