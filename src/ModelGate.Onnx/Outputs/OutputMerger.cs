using ModelGate.Onnx.Native;

namespace ModelGate.Onnx.Outputs;

/// <summary>Joins one output's batches into a single all-rows output.</summary>
internal static class OutputMerger
{
    public static ModelOutput Merge(string name, IReadOnlyList<BatchOutput> batches)
    {
        var first = batches[0];
        if (batches.Count == 1)
        {
            return new ModelOutput(name, first.IsMapSequence ? OutputKind.SequenceOfMaps : OutputKind.Tensor, first.ElementType, first.Shape, first.Numbers, first.Texts, first.MapKeys);
        }

        long rows = 0;
        foreach (var batch in batches)
        {
            if (batch.Shape.Length == 0 || !batch.Shape.AsSpan(1).SequenceEqual(first.Shape.AsSpan(1)) || !batch.MapKeys.SequenceEqual(first.MapKeys))
            {
                throw new NotSupportedException($"output '{name}' changes shape or keys between batches ([{string.Join(",", first.Shape)}] vs [{string.Join(",", batch.Shape)}]); it cannot be joined row-wise");
            }

            rows += batch.Shape[0];
        }

        var shape = (long[])first.Shape.Clone();
        shape[0] = rows;
        string[]? texts = first.Texts is null ? null : [.. batches.SelectMany(b => b.Texts!)];
        var numbers = new double[batches.Sum(b => b.Numbers.Length)];
        var at = 0;
        foreach (var batch in batches)
        {
            batch.Numbers.CopyTo(numbers, at);
            at += batch.Numbers.Length;
        }

        return new ModelOutput(name, first.IsMapSequence ? OutputKind.SequenceOfMaps : OutputKind.Tensor, first.ElementType, shape, numbers, texts, first.MapKeys);
    }
}
