namespace ModelGate.Onnx.Signature;

/// <summary>An operator set the model imports: its domain ("" = ai.onnx) and version.</summary>
internal sealed record OpsetImport(string Domain, long Version)
{
    /// <summary>E.g. ai.onnx 17.</summary>
    public override string ToString() =>
        $"{(Domain.Length == 0 ? "ai.onnx" : Domain)} {Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>What the model says about itself: producer, graph, opsets and custom metadata_props.</summary>
internal sealed record ModelMetadata
{
    /// <summary>The tool that made the model, e.g. pytorch or skl2onnx.</summary>
    public string ProducerName { get; init; } = string.Empty;

    /// <summary>The producer's version (read from the file: ORT's C API does not expose it).</summary>
    public string ProducerVersion { get; init; } = string.Empty;

    /// <summary>The model's domain.</summary>
    public string Domain { get; init; } = string.Empty;

    /// <summary>The graph's name.</summary>
    public string GraphName { get; init; } = string.Empty;

    /// <summary>The model's doc string.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The model_version field.</summary>
    public long ModelVersion { get; init; }

    /// <summary>The ONNX IR version (read from the file).</summary>
    public long IrVersion { get; init; }

    /// <summary>The operator sets imported (read from the file: ORT's C API does not expose them).</summary>
    public IReadOnlyList<OpsetImport> Opsets { get; init; } = [];

    /// <summary>The custom metadata_props, by key.</summary>
    public IReadOnlyDictionary<string, string> Custom { get; init; } = new Dictionary<string, string>();
}
