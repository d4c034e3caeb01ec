namespace ModelGate.Onnx.Runtime;

/// <summary>Severity of an ONNX Runtime log line (ORT's OrtLoggingLevel).</summary>
internal enum OnnxLogLevel
{
    /// <summary>Verbose detail.</summary>
    Verbose = 0,

    /// <summary>Information.</summary>
    Info = 1,

    /// <summary>A warning.</summary>
    Warning = 2,

    /// <summary>An error.</summary>
    Error = 3,

    /// <summary>A fatal error.</summary>
    Fatal = 4,
}
