using Microsoft.ML.OnnxRuntime;
using ModelGate.Onnx.Errors;
using OrtValueKind = Microsoft.ML.OnnxRuntime.OnnxValueType;

namespace ModelGate.Onnx.Signature;

/// <summary>Reads a session's inputs, outputs and metadata through the managed API into ModelGate's signature records.</summary>
internal static class SignatureReader
{
    public static IReadOnlyList<ModelPort> ReadInputs(InferenceSession session) =>
        OrtErrors.Call("SessionGetInputTypeInfo", () => session.InputNames.Select(name => new ModelPort(name, Describe(session.InputMetadata[name]))).ToList());

    public static IReadOnlyList<ModelPort> ReadOutputs(InferenceSession session) =>
        OrtErrors.Call("SessionGetOutputTypeInfo", () => session.OutputNames.Select(name => new ModelPort(name, Describe(session.OutputMetadata[name]))).ToList());

    public static ModelMetadata ReadMetadata(InferenceSession session, ModelProtoHeader? header)
    {
        var m = OrtErrors.Call("SessionGetModelMetadata", () => session.ModelMetadata);
        return new ModelMetadata
        {
            ProducerName = m.ProducerName,
            GraphName = m.GraphName,
            Domain = m.Domain,
            Description = m.Description,
            ModelVersion = m.Version,
            Custom = new Dictionary<string, string>(m.CustomMetadataMap, StringComparer.Ordinal),
            IrVersion = header?.IrVersion ?? 0,
            ProducerVersion = header?.ProducerVersion ?? string.Empty,
            Opsets = header?.Opsets ?? [],
        };
    }

    private static OnnxValueType Describe(NodeMetadata node) => node.OnnxValueType switch
    {
        OrtValueKind.ONNX_TYPE_TENSOR => DescribeTensor(node),
        OrtValueKind.ONNX_TYPE_SEQUENCE => new SequenceValueType(Describe(node.AsSequenceMetadata().ElementMeta)),
        OrtValueKind.ONNX_TYPE_MAP => new MapValueType((TensorElementType)node.AsMapMetadata().KeyDataType, Describe(node.AsMapMetadata().ValueMetadata)),
        OrtValueKind.ONNX_TYPE_OPAQUE => new OtherValueType("opaque"),
        OrtValueKind.ONNX_TYPE_SPARSETENSOR => new OtherValueType("sparse_tensor"),
        OrtValueKind.ONNX_TYPE_OPTIONAL => new OtherValueType("optional"),
        _ => new OtherValueType("unknown"),
    };

    /// <summary>Element type and shape; a negative size is a dynamic dimension, named when the model names it.</summary>
    private static TensorValueType DescribeTensor(NodeMetadata node)
    {
        var sizes = node.Dimensions;
        var symbols = node.SymbolicDimensions;
        var shape = new Dimension[sizes.Length];
        for (var d = 0; d < shape.Length; d++)
        {
            var symbol = d < symbols.Length ? symbols[d] : null;
            shape[d] = sizes[d] >= 0 ? new Dimension(sizes[d], null) : new Dimension(null, string.IsNullOrEmpty(symbol) ? null : symbol);
        }

        return new TensorValueType((TensorElementType)node.ElementDataType, shape);
    }
}
