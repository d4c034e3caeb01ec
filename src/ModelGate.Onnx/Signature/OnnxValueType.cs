namespace ModelGate.Onnx.Signature;

/// <summary>The type of a model input or output: a tensor, a sequence, a map, or something ModelGate does not read.</summary>
internal abstract record OnnxValueType;

/// <summary>A tensor of one element type and a shape (dimensions may be symbolic).</summary>
internal sealed record TensorValueType(TensorElementType ElementType, IReadOnlyList<Dimension> Shape) : OnnxValueType
{
    /// <summary>E.g. float32[N,30].</summary>
    public override string ToString() => $"{ElementType.Display()}[{string.Join(",", Shape)}]";
}

/// <summary>A sequence of values (sklearn-onnx's ZipMap output is a sequence of maps).</summary>
internal sealed record SequenceValueType(OnnxValueType Element) : OnnxValueType
{
    /// <summary>E.g. seq(map(int64,float32)).</summary>
    public override string ToString() => $"seq({Element})";
}

/// <summary>A map from a key element type to values.</summary>
internal sealed record MapValueType(TensorElementType Key, OnnxValueType Value) : OnnxValueType
{
    /// <summary>E.g. map(string,float32).</summary>
    public override string ToString() =>
        $"map({Key.Display()},{(Value is TensorValueType { Shape.Count: 0 } t ? t.ElementType.Display() : Value.ToString())})";
}

/// <summary>A type ModelGate does not read (opaque, sparse tensor, optional).</summary>
internal sealed record OtherValueType(string Kind) : OnnxValueType
{
    /// <summary>The kind.</summary>
    public override string ToString() => Kind;
}
