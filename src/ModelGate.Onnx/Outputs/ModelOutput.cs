using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Outputs;

/// <summary>What kind of value an output holds.</summary>
internal enum OutputKind
{
    /// <summary>A tensor (numbers or strings).</summary>
    Tensor,

    /// <summary>A sequence with one map per row, e.g. sklearn-onnx's ZipMap of class label to probability.</summary>
    SequenceOfMaps,
}

/// <summary>
/// One model output over all rows, copied out of ONNX Runtime: numbers as float64 (row-major, [N, ...]),
/// strings as text, or a per-row map as an [N, K] matrix over <see cref="MapKeys"/>.
/// </summary>
internal sealed class ModelOutput
{
    internal ModelOutput(string name, OutputKind kind, TensorElementType elementType, long[] shape, double[] numbers, string[]? texts, IReadOnlyList<string> mapKeys)
    {
        Name = name;
        Kind = kind;
        ElementType = elementType;
        Shape = shape;
        Numbers = numbers;
        Texts = texts;
        MapKeys = mapKeys;
    }

    /// <summary>The output's name.</summary>
    public string Name { get; }

    /// <summary>Tensor or sequence of maps.</summary>
    public OutputKind Kind { get; }

    /// <summary>The tensor's element type, or the map values' element type.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>The full shape, rows first ([N, K] for a sequence of maps).</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Shape.Count == 0 ? 1 : (int)Shape[0];

    /// <summary>Values per row.</summary>
    public int ValuesPerRow => RowCount == 0 ? 0 : (int)((Texts?.Length ?? Numbers.Length) / RowCount);

    /// <summary>Numeric values, row-major (empty for string tensors).</summary>
    public double[] Numbers { get; }

    /// <summary>String values, row-major; null unless the tensor holds strings.</summary>
    public string[]? Texts { get; }

    /// <summary>For a sequence of maps: the keys (as invariant text), in column order of <see cref="Numbers"/>.</summary>
    public IReadOnlyList<string> MapKeys { get; }
}

/// <summary>The outputs of one run over all rows, by name.</summary>
internal sealed class ModelOutputs(int rowCount, IReadOnlyList<ModelOutput> outputs)
{
    /// <summary>Number of rows run.</summary>
    public int RowCount { get; } = rowCount;

    /// <summary>The outputs fetched, in the order asked for.</summary>
    public IReadOnlyList<ModelOutput> Outputs { get; } = outputs;

    /// <summary>The output of that name.</summary>
    public ModelOutput this[string name] =>
        Outputs.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No output '{name}' was fetched.");
}
