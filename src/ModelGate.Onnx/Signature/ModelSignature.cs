namespace ModelGate.Onnx.Signature;

/// <summary>A model's inputs and outputs in model order, and its metadata; what `modelgate inspect` prints.</summary>
internal sealed record ModelSignature(IReadOnlyList<ModelPort> Inputs, IReadOnlyList<ModelPort> Outputs, ModelMetadata Metadata)
{
    /// <summary>The input of that name, or null.</summary>
    public ModelPort? Input(string name) => Inputs.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>The output of that name, or null.</summary>
    public ModelPort? Output(string name) => Outputs.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
