using ModelGate.Onnx.Gpu;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Onnx.Runtime;

/// <summary>How to find and set up ONNX Runtime.</summary>
internal sealed record OnnxRuntimeOptions
{
    /// <summary>The environment variable naming the ONNX Runtime library file or its folder.</summary>
    public const string EnvironmentVariable = "MODELGATE_ONNXRUNTIME";

    /// <summary>The environment variable the CLI reads the CPU arena ceiling from, in MiB (unset or 0: none).</summary>
    public const string CpuArenaLimitVariable = "MODELGATE_CPU_ARENA_LIMIT_MB";

    /// <summary>The largest CPU arena ceiling ORT accepts (its arena configuration takes a 32-bit byte count).</summary>
    public const long MaxCpuArenaLimitBytes = uint.MaxValue;

    /// <summary>An explicit library file or folder (the CLI's --onnxruntime); wins over everything else.</summary>
    public string? LibraryPath { get; init; }

    /// <summary>Whether <see cref="EnvironmentVariable"/> is consulted when <see cref="LibraryPath"/> is not set.</summary>
    public bool ReadEnvironmentVariable { get; init; } = true;

    /// <summary>The folder holding runtimes/&lt;rid&gt;/native/ (or the library itself); defaults to the application's base directory.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Whether the system loader may be tried last (e.g. a libonnxruntime.so on LD_LIBRARY_PATH).</summary>
    public bool UseSystemLoader { get; init; } = true;

    /// <summary>
    /// The device the models will ask for. Anything but cpu checks for CUDA first and, when every piece is present,
    /// loads the CUDA build of ONNX Runtime instead of the bundled CPU build.
    /// </summary>
    public DeviceRequest Device { get; init; } = DeviceRequest.Auto;

    /// <summary>Where the CUDA build, toolkit, cuDNN and driver are looked for.</summary>
    public CudaProbeOptions CudaProbe { get; init; } = new();

    /// <summary>
    /// A ceiling in bytes on ONNX Runtime's CPU memory arena (shared by every session of this runtime); a run that needs
    /// more fails with an <see cref="Errors.OnnxLimitException"/>. Null: no ceiling (ORT's default arena grows as needed).
    /// </summary>
    public long? CpuArenaLimitBytes { get; init; }

    /// <summary>Where ONNX Runtime's own log lines go, each distinct line once per runtime; null drops them.</summary>
    public Action<OnnxLogLevel, string>? Log { get; init; }

    /// <summary>The least severe ORT log line passed on.</summary>
    public OnnxLogLevel LogLevel { get; init; } = OnnxLogLevel.Warning;
}
