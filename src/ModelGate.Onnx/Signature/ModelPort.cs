namespace ModelGate.Onnx.Signature;

/// <summary>One named input or output of a model and its type.</summary>
internal sealed record ModelPort(string Name, OnnxValueType Type)
{
    /// <summary>E.g. input: float32[N,30].</summary>
    public override string ToString() => $"{Name}: {Type}";
}
