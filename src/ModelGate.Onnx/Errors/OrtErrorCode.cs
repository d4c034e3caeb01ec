namespace ModelGate.Onnx.Errors;

/// <summary>ONNX Runtime's own error codes (OrtErrorCode in its C API), carried on every error it reports.</summary>
internal enum OrtErrorCode
{
    /// <summary>No error.</summary>
    Ok = 0,

    /// <summary>A general failure.</summary>
    Fail = 1,

    /// <summary>An argument was invalid (e.g. a wrong input shape or type).</summary>
    InvalidArgument = 2,

    /// <summary>A file was not found.</summary>
    NoSuchFile = 3,

    /// <summary>No model was loaded.</summary>
    NoModel = 4,

    /// <summary>An engine error.</summary>
    EngineError = 5,

    /// <summary>An exception inside ONNX Runtime.</summary>
    RuntimeException = 6,

    /// <summary>The model file is not a valid ONNX protobuf.</summary>
    InvalidProtobuf = 7,

    /// <summary>The model was already loaded.</summary>
    ModelLoaded = 8,

    /// <summary>Not implemented (e.g. an operator or type this build lacks).</summary>
    NotImplemented = 9,

    /// <summary>The model graph is invalid.</summary>
    InvalidGraph = 10,

    /// <summary>An execution provider failed (e.g. CUDA could not start).</summary>
    ExecutionProviderFailure = 11,
}
