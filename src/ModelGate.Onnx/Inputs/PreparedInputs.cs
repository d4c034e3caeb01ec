using Microsoft.ML.OnnxRuntime;
using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Inputs;

/// <summary>
/// Holdout columns converted once into the model's element types and row-major layout; batches are slices of
/// these buffers, so running them costs no further copying. Immutable; reusable across runs and threads.
/// </summary>
internal sealed class PreparedInputs
{
    internal PreparedInputs(int rowCount, IReadOnlyList<BoundInput> inputs)
    {
        RowCount = rowCount;
        Inputs = inputs;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Input names in model order.</summary>
    public IReadOnlyList<string> Names => Inputs.Select(i => i.Name).ToList();

    internal IReadOnlyList<BoundInput> Inputs { get; }

    /// <summary>The rows repeated in order until there are <paramref name="rows"/> of them (for latency at a batch size larger than the holdout).</summary>
    internal PreparedInputs Tiled(int rows)
    {
        var tiled = Inputs.Select(input =>
        {
            var buffer = Array.CreateInstance(input.Buffer.GetType().GetElementType()!, (long)rows * input.RowElements);
            for (var r = 0; r < rows; r++)
            {
                Array.Copy(input.Buffer, (long)(r % RowCount) * input.RowElements, buffer, (long)r * input.RowElements, input.RowElements);
            }

            return input with { Buffer = buffer };
        }).ToList();
        return new PreparedInputs(rows, tiled);
    }
}

/// <summary>
/// One model input's data: a flat row-major buffer of the model's element type and the shape of one row. For numbers,
/// <see cref="Tensor"/> makes an OrtValue over a slice of a buffer of that type (buffer, offset, length, shape), no copy.
/// </summary>
internal sealed record BoundInput(string Name, TensorElementType ElementType, long[] ItemShape, int RowElements, Array Buffer, int ElementSize)
{
    /// <summary>Wraps a slice of a numeric buffer as a tensor; null for strings (ORT copies those into its own tensor).</summary>
    public Func<Array, int, int, long[], OrtValue>? Tensor { get; init; }
}
