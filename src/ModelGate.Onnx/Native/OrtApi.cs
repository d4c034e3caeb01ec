using System.Runtime.InteropServices;
using ModelGate.Onnx.Errors;

namespace ModelGate.Onnx.Native;

/// <summary>
/// The OrtApi functions ModelGate calls, read once from the table GetApi returned; nothing else is bound.
/// All pointers are plain <see cref="nint"/> here; the SafeHandles own them above this layer.
/// </summary>
internal sealed unsafe class OrtApi
{
    public readonly delegate* unmanaged[Cdecl]<nint, int> GetErrorCode;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*> GetErrorMessage;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, int, byte*, nint*, nint> CreateEnvWithCustomLogger;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nint, nint*, nint> CreateSession;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint> Run;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> CreateSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetIntraOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetInputCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetOutputCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetInputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetOutputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, nint*, nint> SessionGetInputName;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, nint*, nint> SessionGetOutputName;
    public readonly delegate* unmanaged[Cdecl]<nint, long*, nuint, int, nint*, nint> CreateTensorAsOrtValue;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged[Cdecl]<nint, void**, nint> GetTensorMutableData;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nuint, nint> FillStringTensor;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetStringTensorDataLength;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, nuint*, nuint, nint> GetStringTensorContent;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> CastTypeInfoToTensorInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetOnnxTypeFromTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetTensorElementType;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetDimensionsCount;
    public readonly delegate* unmanaged[Cdecl]<nint, long*, nuint, nint> GetDimensions;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nuint, nint> GetSymbolicDimensions;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetTensorShapeElementCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> GetTensorTypeAndShape;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetValueType;
    public readonly delegate* unmanaged[Cdecl]<int, int, nint*, nint> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint> AllocatorFree;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint, nint*, nint> GetValue;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetValueCount;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseEnv;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseStatus;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSession;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseValue;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTensorTypeAndShapeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> CastTypeInfoToMapTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> CastTypeInfoToSequenceTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetMapKeyType;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> GetMapValueType;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> GetSequenceElementType;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> SessionGetModelMetadata;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint*, nint> ModelMetadataGetProducerName;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint*, nint> ModelMetadataGetGraphName;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint*, nint> ModelMetadataGetDomain;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint*, nint> ModelMetadataGetDescription;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte*, nint*, nint> ModelMetadataLookupCustomMetadataMap;
    public readonly delegate* unmanaged[Cdecl]<nint, long*, nint> ModelMetadataGetVersion;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseModelMetadata;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint*, long*, nint> ModelMetadataGetCustomMetadataMapKeys;
    public readonly delegate* unmanaged[Cdecl]<nint*, int*, nint> GetAvailableProviders;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> ReleaseAvailableProviders;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint> SessionOptionsAppendExecutionProvider_CUDA_V2;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> CreateCUDAProviderOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint*, nuint, nint> UpdateCUDAProviderOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseCUDAProviderOptions;

    /// <summary>Reads the members from the table at <paramref name="table"/> (a <c>const OrtApi*</c>).</summary>
    public OrtApi(nint table)
    {
        var t = (nint*)table;
        GetErrorCode = (delegate* unmanaged[Cdecl]<nint, int>)t[OrtApiIndex.GetErrorCode];
        GetErrorMessage = (delegate* unmanaged[Cdecl]<nint, byte*>)t[OrtApiIndex.GetErrorMessage];
        CreateEnvWithCustomLogger = (delegate* unmanaged[Cdecl]<nint, nint, int, byte*, nint*, nint>)t[OrtApiIndex.CreateEnvWithCustomLogger];
        CreateSession = (delegate* unmanaged[Cdecl]<nint, void*, nint, nint*, nint>)t[OrtApiIndex.CreateSession];
        Run = (delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)t[OrtApiIndex.Run];
        CreateSessionOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)t[OrtApiIndex.CreateSessionOptions];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged[Cdecl]<nint, int, nint>)t[OrtApiIndex.SetSessionGraphOptimizationLevel];
        SetIntraOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)t[OrtApiIndex.SetIntraOpNumThreads];
        SessionGetInputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)t[OrtApiIndex.SessionGetInputCount];
        SessionGetOutputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)t[OrtApiIndex.SessionGetOutputCount];
        SessionGetInputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)t[OrtApiIndex.SessionGetInputTypeInfo];
        SessionGetOutputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)t[OrtApiIndex.SessionGetOutputTypeInfo];
        SessionGetInputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, nint*, nint>)t[OrtApiIndex.SessionGetInputName];
        SessionGetOutputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, nint*, nint>)t[OrtApiIndex.SessionGetOutputName];
        CreateTensorAsOrtValue = (delegate* unmanaged[Cdecl]<nint, long*, nuint, int, nint*, nint>)t[OrtApiIndex.CreateTensorAsOrtValue];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)t[OrtApiIndex.CreateTensorWithDataAsOrtValue];
        GetTensorMutableData = (delegate* unmanaged[Cdecl]<nint, void**, nint>)t[OrtApiIndex.GetTensorMutableData];
        FillStringTensor = (delegate* unmanaged[Cdecl]<nint, nint*, nuint, nint>)t[OrtApiIndex.FillStringTensor];
        GetStringTensorDataLength = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)t[OrtApiIndex.GetStringTensorDataLength];
        GetStringTensorContent = (delegate* unmanaged[Cdecl]<nint, void*, nuint, nuint*, nuint, nint>)t[OrtApiIndex.GetStringTensorContent];
        CastTypeInfoToTensorInfo = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[OrtApiIndex.CastTypeInfoToTensorInfo];
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged[Cdecl]<nint, int*, nint>)t[OrtApiIndex.GetOnnxTypeFromTypeInfo];
        GetTensorElementType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)t[OrtApiIndex.GetTensorElementType];
        GetDimensionsCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)t[OrtApiIndex.GetDimensionsCount];
        GetDimensions = (delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)t[OrtApiIndex.GetDimensions];
        GetSymbolicDimensions = (delegate* unmanaged[Cdecl]<nint, nint*, nuint, nint>)t[OrtApiIndex.GetSymbolicDimensions];
        GetTensorShapeElementCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)t[OrtApiIndex.GetTensorShapeElementCount];
        GetTensorTypeAndShape = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[OrtApiIndex.GetTensorTypeAndShape];
        GetValueType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)t[OrtApiIndex.GetValueType];
        CreateCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, nint*, nint>)t[OrtApiIndex.CreateCpuMemoryInfo];
        AllocatorFree = (delegate* unmanaged[Cdecl]<nint, nint, nint>)t[OrtApiIndex.AllocatorFree];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)t[OrtApiIndex.GetAllocatorWithDefaultOptions];
        GetValue = (delegate* unmanaged[Cdecl]<nint, int, nint, nint*, nint>)t[OrtApiIndex.GetValue];
        GetValueCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)t[OrtApiIndex.GetValueCount];
        ReleaseEnv = (delegate* unmanaged[Cdecl]<nint, void>)t[OrtApiIndex.ReleaseEnv];
        ReleaseStatus = (delegate* unmanaged[Cdecl]<nint, void>)t[OrtApiIndex.ReleaseStatus];
        ReleaseMemoryInfo = (delegate* unmanaged[Cdecl]<nint, void>)t[OrtApiIndex.ReleaseMemoryInfo];
        ReleaseSession = (delegate* unmanaged[Cdecl]<nint, void>)t[OrtApiIndex.ReleaseSession];
        ReleaseValue = (delegate* unmanaged[Cdecl]<nint, void>)t[OrtApiIndex.ReleaseValue];
        ReleaseTypeInfo = (delegate* unmanaged[Cdecl]<nint, void>)t[OrtApiIndex.ReleaseTypeInfo];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged[Cdecl]<nint, void>)t[OrtApiIndex.ReleaseTensorTypeAndShapeInfo];
        ReleaseSessionOptions = (delegate* unmanaged[Cdecl]<nint, void>)t[OrtApiIndex.ReleaseSessionOptions];
        CastTypeInfoToMapTypeInfo = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[OrtApiIndex.CastTypeInfoToMapTypeInfo];
        CastTypeInfoToSequenceTypeInfo = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[OrtApiIndex.CastTypeInfoToSequenceTypeInfo];
        GetMapKeyType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)t[OrtApiIndex.GetMapKeyType];
        GetMapValueType = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[OrtApiIndex.GetMapValueType];
        GetSequenceElementType = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[OrtApiIndex.GetSequenceElementType];
        SessionGetModelMetadata = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[OrtApiIndex.SessionGetModelMetadata];
        ModelMetadataGetProducerName = (delegate* unmanaged[Cdecl]<nint, nint, nint*, nint>)t[OrtApiIndex.ModelMetadataGetProducerName];
        ModelMetadataGetGraphName = (delegate* unmanaged[Cdecl]<nint, nint, nint*, nint>)t[OrtApiIndex.ModelMetadataGetGraphName];
        ModelMetadataGetDomain = (delegate* unmanaged[Cdecl]<nint, nint, nint*, nint>)t[OrtApiIndex.ModelMetadataGetDomain];
        ModelMetadataGetDescription = (delegate* unmanaged[Cdecl]<nint, nint, nint*, nint>)t[OrtApiIndex.ModelMetadataGetDescription];
        ModelMetadataLookupCustomMetadataMap = (delegate* unmanaged[Cdecl]<nint, nint, byte*, nint*, nint>)t[OrtApiIndex.ModelMetadataLookupCustomMetadataMap];
        ModelMetadataGetVersion = (delegate* unmanaged[Cdecl]<nint, long*, nint>)t[OrtApiIndex.ModelMetadataGetVersion];
        ReleaseModelMetadata = (delegate* unmanaged[Cdecl]<nint, void>)t[OrtApiIndex.ReleaseModelMetadata];
        ModelMetadataGetCustomMetadataMapKeys = (delegate* unmanaged[Cdecl]<nint, nint, nint*, long*, nint>)t[OrtApiIndex.ModelMetadataGetCustomMetadataMapKeys];
        GetAvailableProviders = (delegate* unmanaged[Cdecl]<nint*, int*, nint>)t[OrtApiIndex.GetAvailableProviders];
        ReleaseAvailableProviders = (delegate* unmanaged[Cdecl]<nint, int, nint>)t[OrtApiIndex.ReleaseAvailableProviders];
        SessionOptionsAppendExecutionProvider_CUDA_V2 = (delegate* unmanaged[Cdecl]<nint, nint, nint>)t[OrtApiIndex.SessionOptionsAppendExecutionProvider_CUDA_V2];
        CreateCUDAProviderOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)t[OrtApiIndex.CreateCUDAProviderOptions];
        UpdateCUDAProviderOptions = (delegate* unmanaged[Cdecl]<nint, nint*, nint*, nuint, nint>)t[OrtApiIndex.UpdateCUDAProviderOptions];
        ReleaseCUDAProviderOptions = (delegate* unmanaged[Cdecl]<nint, void>)t[OrtApiIndex.ReleaseCUDAProviderOptions];

        var allocator = (nint)0;
        Check(GetAllocatorWithDefaultOptions(&allocator), "GetAllocatorWithDefaultOptions");
        DefaultAllocator = allocator;
    }

    /// <summary>ORT's default CPU allocator (process-wide, owned by ORT, never released).</summary>
    public nint DefaultAllocator { get; }

    /// <summary>
    /// The one place an OrtStatus is inspected: null means success; anything else becomes an
    /// <see cref="OrtException"/> carrying ORT's error code and message, and the status is released either way.
    /// </summary>
    public void Check(nint status, string operation)
    {
        if (status == 0)
        {
            return;
        }

        try
        {
            var code = (OrtErrorCode)GetErrorCode(status);
            // ORT's messages can span lines (e.g. the opset warning); ModelGate's errors are one line.
            var message = (Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? string.Empty)
                .ReplaceLineEndings(" ").Trim();
            throw new OrtException(code, operation, message);
        }
        finally
        {
            ReleaseStatus(status);
        }
    }

    /// <summary>Copies a UTF-8 string ORT allocated with the default allocator, then frees it there.</summary>
    public string TakeAllocatedString(nint text)
    {
        if (text == 0)
        {
            return string.Empty;
        }

        try
        {
            return Marshal.PtrToStringUTF8(text) ?? string.Empty;
        }
        finally
        {
            Check(AllocatorFree(DefaultAllocator, text), "AllocatorFree");
        }
    }
}
