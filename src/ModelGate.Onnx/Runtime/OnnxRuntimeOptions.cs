namespace ModelGate.Onnx.Runtime;

/// <summary>How to find and set up ONNX Runtime.</summary>
public sealed record OnnxRuntimeOptions
{
    /// <summary>The environment variable naming the ONNX Runtime library file or its folder.</summary>
    public const string EnvironmentVariable = "MODELGATE_ONNXRUNTIME";

    /// <summary>An explicit library file or folder (the CLI's --onnxruntime); wins over everything else.</summary>
    public string? LibraryPath { get; init; }

    /// <summary>Whether <see cref="EnvironmentVariable"/> is consulted when <see cref="LibraryPath"/> is not set.</summary>
    public bool ReadEnvironmentVariable { get; init; } = true;

    /// <summary>The folder holding runtimes/&lt;rid&gt;/native/; defaults to the application's base directory.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Whether the system loader may be tried last (e.g. a libonnxruntime.so.1 on LD_LIBRARY_PATH).</summary>
    public bool UseSystemLoader { get; init; } = true;

    /// <summary>Where ONNX Runtime's own log lines go; null drops them.</summary>
    public Action<OnnxLogLevel, string>? Log { get; init; }

    /// <summary>The least severe ORT log line passed on.</summary>
    public OnnxLogLevel LogLevel { get; init; } = OnnxLogLevel.Warning;
}
