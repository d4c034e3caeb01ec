using Microsoft.ML.OnnxRuntime;
using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Gpu;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Onnx.Runtime;

/// <summary>
/// A loaded ONNX Runtime: the library, its version, whether CUDA can be used, and ORT's environment with ModelGate's
/// log routing and telemetry off. Open once per process and load any number of models from it; thread-safe.
/// </summary>
internal sealed class OnnxRuntime : IDisposable
{
    private readonly long _logSink;

    private OnnxRuntime(RuntimeLocation location, CudaStatus cuda, OnnxRuntimeOptions options)
    {
        LibraryPath = location.Path;
        HowFound = location.HowFound;
        IsBundled = location.IsBundled;
        Cuda = cuda;
        CpuArenaLimitBytes = options.CpuArenaLimitBytes;
        _logSink = options.Log is null ? 0 : OrtLogRouter.Register(FilterAt(options.LogLevel, options.Log));
        Env = OrtErrors.Call("CreateEnv", () => OrtEnvironment.Ensure(options.LogLevel));
        Version = OrtErrors.Call("GetVersionString", Env.GetVersionString);
        CompiledProviders = OrtErrors.Call("GetAvailableProviders", Env.GetAvailableProviders);
        if (options.CpuArenaLimitBytes is { } limit)
        {
            OrtErrors.Call("CreateAndRegisterAllocator", () => CpuArena.Apply(Env, limit));
        }
    }

    /// <summary>The library file loaded (or the name the system loader resolved).</summary>
    public string LibraryPath { get; }

    /// <summary>How the library was found: explicit path, bundled copy, CUDA build from the NuGet cache, or system loader.</summary>
    public string HowFound { get; }

    /// <summary>True when the library is the copy that ships with ModelGate (Microsoft.ML.OnnxRuntime's CPU build).</summary>
    public bool IsBundled { get; }

    /// <summary>ONNX Runtime's own version string, e.g. 1.31.1.</summary>
    public string Version { get; }

    /// <summary>Execution providers compiled into this build (not necessarily usable: see <see cref="Cuda"/>).</summary>
    public IReadOnlyList<string> CompiledProviders { get; }

    /// <summary>Whether CUDA can be used with this runtime, and if not, which piece is missing.</summary>
    public CudaStatus Cuda { get; }

    /// <summary>"CUDA" when the CUDA build is loaded and usable, else "CPU".</summary>
    public string Build => Cuda.Ready ? "CUDA" : "CPU";

    /// <summary>The ceiling on ORT's CPU arena in bytes, when one is set.</summary>
    public long? CpuArenaLimitBytes { get; }

    /// <summary>True when ORT's telemetry events are disabled (always, once a runtime is open).</summary>
    public static bool TelemetryDisabled => OrtEnvironment.TelemetryDisabled;

    internal OrtEnv Env { get; }

    /// <summary>Finds, checks and loads ONNX Runtime (see <see cref="OnnxRuntimeOptions"/> for the lookup order).</summary>
    public static OnnxRuntime Open(OnnxRuntimeOptions? options = null)
    {
        options ??= new OnnxRuntimeOptions();
        if (options.CpuArenaLimitBytes is { } limit && (limit < 1 || limit > OnnxRuntimeOptions.MaxCpuArenaLimitBytes))
        {
            throw new OnnxRuntimeUnavailableException(
                $"the CPU memory ceiling of {limit} bytes is outside what ONNX Runtime's arena accepts (1 byte to 4 GiB - 1).",
                "set a ceiling between 1 and 4095 MiB, or none.");
        }

        var (location, cuda) = RuntimeChoice.Choose(options);
        NativeBinding.Bind(location);
        return new OnnxRuntime(location, cuda, options);
    }

    /// <summary>Loads a model into a session (see <see cref="SessionSettings"/> for device, threads, batch size and time budget).</summary>
    public OnnxModel LoadModel(string modelPath, SessionSettings? settings = null) =>
        OnnxModel.Load(this, modelPath, settings ?? new SessionSettings());

    /// <summary>Stops routing ORT's log lines to this runtime's sink (ORT keeps its environment and library for the process).</summary>
    public void Dispose()
    {
        if (_logSink != 0)
        {
            OrtLogRouter.Unregister(_logSink);
        }
    }

    // Each session repeats what ORT says about its model (twice per load for an old opset, once more per model):
    // a line is passed on the first time only.
    private static Action<OnnxLogLevel, string> FilterAt(OnnxLogLevel least, Action<OnnxLogLevel, string> sink)
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        return (level, line) =>
        {
            if (level >= least && seen.TryAdd(line, 0))
            {
                sink(level, line);
            }
        };
    }
}
