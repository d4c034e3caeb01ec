using System.Runtime.InteropServices;
using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Native;

/// <summary>Reads a session's inputs, outputs and metadata through the C API into ModelGate's signature records.</summary>
internal static unsafe class SignatureReader
{
    private const int OnnxTypeTensor = 1;
    private const int OnnxTypeSequence = 2;
    private const int OnnxTypeMap = 3;

    public static IReadOnlyList<ModelPort> ReadInputs(OrtApi api, OrtSessionHandle session)
    {
        nuint count;
        api.Check(api.SessionGetInputCount(session.Pointer, &count), "SessionGetInputCount");
        var ports = new List<ModelPort>((int)count);
        for (nuint i = 0; i < count; i++)
        {
            nint name;
            api.Check(api.SessionGetInputName(session.Pointer, i, api.DefaultAllocator, &name), "SessionGetInputName");
            var text = api.TakeAllocatedString(name);
            nint info;
            api.Check(api.SessionGetInputTypeInfo(session.Pointer, i, &info), "SessionGetInputTypeInfo");
            using var owned = new OrtTypeInfoHandle(api, info);
            ports.Add(new ModelPort(text, Describe(api, owned.Pointer)));
        }

        return ports;
    }

    public static IReadOnlyList<ModelPort> ReadOutputs(OrtApi api, OrtSessionHandle session)
    {
        nuint count;
        api.Check(api.SessionGetOutputCount(session.Pointer, &count), "SessionGetOutputCount");
        var ports = new List<ModelPort>((int)count);
        for (nuint i = 0; i < count; i++)
        {
            nint name;
            api.Check(api.SessionGetOutputName(session.Pointer, i, api.DefaultAllocator, &name), "SessionGetOutputName");
            var text = api.TakeAllocatedString(name);
            nint info;
            api.Check(api.SessionGetOutputTypeInfo(session.Pointer, i, &info), "SessionGetOutputTypeInfo");
            using var owned = new OrtTypeInfoHandle(api, info);
            ports.Add(new ModelPort(text, Describe(api, owned.Pointer)));
        }

        return ports;
    }

    public static ModelMetadata ReadMetadata(OrtApi api, OrtSessionHandle session, ModelProtoHeader? header)
    {
        nint raw;
        api.Check(api.SessionGetModelMetadata(session.Pointer, &raw), "SessionGetModelMetadata");
        using var metadata = new OrtModelMetadataHandle(api, raw);
        var m = metadata.Pointer;
        long version;
        api.Check(api.ModelMetadataGetVersion(m, &version), "ModelMetadataGetVersion");
        return new ModelMetadata
        {
            ProducerName = ReadString(api, m, api.ModelMetadataGetProducerName, "ModelMetadataGetProducerName"),
            GraphName = ReadString(api, m, api.ModelMetadataGetGraphName, "ModelMetadataGetGraphName"),
            Domain = ReadString(api, m, api.ModelMetadataGetDomain, "ModelMetadataGetDomain"),
            Description = ReadString(api, m, api.ModelMetadataGetDescription, "ModelMetadataGetDescription"),
            ModelVersion = version,
            Custom = ReadCustom(api, m),
            IrVersion = header?.IrVersion ?? 0,
            ProducerVersion = header?.ProducerVersion ?? string.Empty,
            Opsets = header?.Opsets ?? [],
        };
    }

    /// <summary>Describes a type info; the Cast* results are borrowed from it and not released.</summary>
    private static OnnxValueType Describe(OrtApi api, nint typeInfo)
    {
        int kind;
        api.Check(api.GetOnnxTypeFromTypeInfo(typeInfo, &kind), "GetOnnxTypeFromTypeInfo");
        switch (kind)
        {
            case OnnxTypeTensor:
            {
                nint tensorInfo;
                api.Check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo), "CastTypeInfoToTensorInfo");
                return DescribeTensor(api, tensorInfo);
            }

            case OnnxTypeSequence:
            {
                nint sequenceInfo;
                api.Check(api.CastTypeInfoToSequenceTypeInfo(typeInfo, &sequenceInfo), "CastTypeInfoToSequenceTypeInfo");
                nint element;
                api.Check(api.GetSequenceElementType(sequenceInfo, &element), "GetSequenceElementType");
                using var owned = new OrtTypeInfoHandle(api, element);
                return new SequenceValueType(Describe(api, owned.Pointer));
            }

            case OnnxTypeMap:
            {
                nint mapInfo;
                api.Check(api.CastTypeInfoToMapTypeInfo(typeInfo, &mapInfo), "CastTypeInfoToMapTypeInfo");
                int key;
                api.Check(api.GetMapKeyType(mapInfo, &key), "GetMapKeyType");
                nint value;
                api.Check(api.GetMapValueType(mapInfo, &value), "GetMapValueType");
                using var owned = new OrtTypeInfoHandle(api, value);
                return new MapValueType((TensorElementType)key, Describe(api, owned.Pointer));
            }

            default:
                return new OtherValueType(kind switch { 4 => "opaque", 5 => "sparse_tensor", 6 => "optional", _ => "unknown" });
        }
    }

    /// <summary>Element type and shape of a tensor type-and-shape info (borrowed or owned by the caller).</summary>
    internal static TensorValueType DescribeTensor(OrtApi api, nint tensorInfo)
    {
        int element;
        api.Check(api.GetTensorElementType(tensorInfo, &element), "GetTensorElementType");
        nuint rank;
        api.Check(api.GetDimensionsCount(tensorInfo, &rank), "GetDimensionsCount");
        var sizes = new long[(int)rank];
        var symbols = new nint[(int)rank];
        fixed (long* s = sizes)
        fixed (nint* n = symbols)
        {
            api.Check(api.GetDimensions(tensorInfo, s, rank), "GetDimensions");
            api.Check(api.GetSymbolicDimensions(tensorInfo, n, rank), "GetSymbolicDimensions");
        }

        var shape = new Dimension[(int)rank];
        for (var d = 0; d < shape.Length; d++)
        {
            var symbol = symbols[d] == 0 ? null : Marshal.PtrToStringUTF8(symbols[d]);
            shape[d] = sizes[d] >= 0 ? new Dimension(sizes[d], null) : new Dimension(null, string.IsNullOrEmpty(symbol) ? null : symbol);
        }

        return new TensorValueType((TensorElementType)element, shape);
    }

    private static string ReadString(OrtApi api, nint metadata, delegate* unmanaged[Cdecl]<nint, nint, nint*, nint> getter, string operation)
    {
        nint value;
        api.Check(getter(metadata, api.DefaultAllocator, &value), operation);
        return api.TakeAllocatedString(value);
    }

    private static Dictionary<string, string> ReadCustom(OrtApi api, nint metadata)
    {
        nint keys;
        long count;
        api.Check(api.ModelMetadataGetCustomMetadataMapKeys(metadata, api.DefaultAllocator, &keys, &count), "ModelMetadataGetCustomMetadataMapKeys");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (keys == 0)
        {
            return result;
        }

        try
        {
            for (var i = 0; i < count; i++)
            {
                var key = api.TakeAllocatedString(((nint*)keys)[i]);
                var keyBytes = System.Text.Encoding.UTF8.GetBytes(key + "\0");
                nint value;
                fixed (byte* k = keyBytes)
                {
                    api.Check(api.ModelMetadataLookupCustomMetadataMap(metadata, api.DefaultAllocator, k, &value), "ModelMetadataLookupCustomMetadataMap");
                }

                result[key] = api.TakeAllocatedString(value);
            }
        }
        finally
        {
            api.Check(api.AllocatorFree(api.DefaultAllocator, keys), "AllocatorFree");
        }

        return result;
    }
}
