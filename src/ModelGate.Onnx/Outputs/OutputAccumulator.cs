using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Outputs;

/// <summary>
/// Collects one output over all batches straight into its final all-rows arrays (sized on the first batch), so
/// batching costs no extra copy. Outputs whose first dimension is not the batch can only come from a single batch.
/// </summary>
internal sealed class OutputAccumulator(string name, int totalRows)
{
    private TensorElementType _type;
    private long[]? _shape;
    private int _perRow;
    private int _rows;
    private double[]? _numbers;
    private string[]? _texts;
    private IReadOnlyList<string> _keys = [];
    private bool _isMap;

    public string Name { get; } = name;

    /// <summary>True for an output declared [1, N]: a batch's [1, rows] value is read as [rows, 1].</summary>
    public bool RowAlongColumns { get; init; }

    /// <summary>Room for one batch's numbers, in row order after the batches before it.</summary>
    public Span<double> Numbers(TensorElementType type, long[] shape, long count, int batchRows)
    {
        var (offset, length) = Reserve(type, shape, count, batchRows, text: false);
        return _numbers.AsSpan(offset, length);
    }

    /// <summary>Room for one batch's strings.</summary>
    public Span<string> Texts(long[] shape, long count, int batchRows)
    {
        var (offset, length) = Reserve(TensorElementType.String, shape, count, batchRows, text: true);
        return _texts.AsSpan(offset, length);
    }

    /// <summary>One batch of a sequence of maps, as [rows, keys].</summary>
    public void Maps(TensorElementType valueType, IReadOnlyList<string> keys, double[] values, int batchRows)
    {
        if (_rows > 0 && !_keys.SequenceEqual(keys))
        {
            throw new NotSupportedException($"output '{Name}' has map keys [{string.Join(",", keys)}] in a later batch, unlike [{string.Join(",", _keys)}] before");
        }

        _isMap = true;
        _keys = keys;
        var target = Numbers(valueType, [batchRows, keys.Count], values.Length, batchRows);
        values.CopyTo(target);
    }

    public ModelOutput Build()
    {
        var shape = _shape ?? [0];
        return new ModelOutput(Name, _isMap ? OutputKind.SequenceOfMaps : OutputKind.Tensor, _type, shape, _numbers ?? [], _texts, _keys);
    }

    private (int Offset, int Length) Reserve(TensorElementType type, long[] shape, long count, int batchRows, bool text)
    {
        var perBatch = shape.Length > 0 && shape[0] == batchRows;
        if (!perBatch && batchRows != totalRows)
        {
            throw new NotSupportedException($"output '{Name}' has shape [{string.Join(",", shape)}] for a batch of {batchRows} rows; only outputs with one entry per row can be batched (try a batch size of at least {totalRows})");
        }

        var perRow = batchRows == 0 ? 0 : (int)(count / batchRows);
        if (_shape is null)
        {
            _type = type;
            _perRow = perRow;
            _shape = perBatch ? [totalRows, .. shape[1..]] : shape;
            var total = perBatch ? checked(totalRows * perRow) : (int)count;
            if (text)
            {
                _texts = new string[total];
            }
            else
            {
                _numbers = new double[total];
            }
        }
        else if (type != _type || perRow != _perRow || !shape.AsSpan(1).SequenceEqual(_shape.AsSpan(1)))
        {
            throw new NotSupportedException($"output '{Name}' changes type or shape between batches ([{string.Join(",", _shape[1..])}] per row, then [{string.Join(",", shape[1..])}])");
        }

        var offset = _rows * _perRow;
        _rows += batchRows;
        return (offset, (int)count);
    }
}
