using System.Globalization;
using System.Runtime.InteropServices;
using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Native;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Onnx.Runtime;

/// <summary>
/// A loaded ONNX Runtime: the library, its version, the C API table and one ORT environment with ModelGate's
/// log routing. Open once per process (or per library) and load any number of models from it; thread-safe.
/// </summary>
public sealed unsafe class OnnxRuntime : IDisposable
{
    private readonly long _logSink;

    private OnnxRuntime(RuntimeLocation location, string version, OrtApi api, OnnxRuntimeOptions options)
    {
        LibraryPath = location.Path;
        HowFound = location.HowFound;
        Version = version;
        Api = api;
        _logSink = options.Log is null ? 0 : OrtLogRouter.Register(FilterAt(options.LogLevel, options.Log));

        var logId = "modelgate"u8;
        nint env;
        fixed (byte* id = logId)
        {
            api.Check(api.CreateEnvWithCustomLogger(OrtLogRouter.Callback, 0, (int)options.LogLevel, id, &env), "CreateEnvWithCustomLogger");
        }

        Env = new OrtEnvHandle(api, env);

        // OrtDeviceAllocator (0), OrtMemTypeDefault (0): plain CPU memory, which is what managed arrays are.
        nint memory;
        api.Check(api.CreateCpuMemoryInfo(0, 0, &memory), "CreateCpuMemoryInfo");
        CpuMemory = new OrtMemoryInfoHandle(api, memory);
        CompiledProviders = ReadProviders(api);
    }

    /// <summary>The C API version ModelGate requests: the lowest that has every function it calls.</summary>
    public static int RequiredApiVersion => (int)OrtApiIndex.RequiredApiVersion;

    /// <summary>The library file loaded (or the name the system loader resolved).</summary>
    public string LibraryPath { get; }

    /// <summary>How the library was found: explicit path, bundled copy or system loader.</summary>
    public string HowFound { get; }

    /// <summary>ONNX Runtime's own version string, e.g. 1.30.0.</summary>
    public string Version { get; }

    /// <summary>Execution providers compiled into this build (not necessarily loadable: CUDA may still be missing).</summary>
    public IReadOnlyList<string> CompiledProviders { get; }

    internal OrtApi Api { get; }

    internal OrtEnvHandle Env { get; }

    internal OrtMemoryInfoHandle CpuMemory { get; }

    /// <summary>Finds, loads and checks ONNX Runtime (see <see cref="OnnxRuntimeOptions"/> for the lookup order).</summary>
    public static OnnxRuntime Open(OnnxRuntimeOptions? options = null)
    {
        options ??= new OnnxRuntimeOptions();
        var location = RuntimeLocator.Load(options);
        if (!NativeLibrary.TryGetExport(location.Handle, "OrtGetApiBase", out var getApiBaseExport))
        {
            throw new OnnxRuntimeUnavailableException(
                $"{location.Path} ({location.HowFound}) does not export OrtGetApiBase, so it is not an ONNX Runtime library.",
                "point --onnxruntime at libonnxruntime itself.");
        }

        var apiBase = (nint*)((delegate* unmanaged[Cdecl]<nint>)getApiBaseExport)();
        var getApi = (delegate* unmanaged[Cdecl]<uint, nint>)apiBase[0];
        var getVersion = (delegate* unmanaged[Cdecl]<byte*>)apiBase[1];
        var version = Marshal.PtrToStringUTF8((nint)getVersion()) ?? "unknown";

        // GetApi answers NULL (and prints to stderr) for a version it lacks, so check the version string first.
        var minor = MinorVersion(version);
        if (minor is not null && minor < OrtApiIndex.RequiredApiVersion)
        {
            throw TooOld(location, version);
        }

        var table = getApi(OrtApiIndex.RequiredApiVersion);
        if (table == 0)
        {
            throw TooOld(location, version);
        }

        return new OnnxRuntime(location, version, new OrtApi(table), options);
    }

    /// <summary>Loads a model into a session (see <see cref="SessionSettings"/> for device, threads and batch size).</summary>
    public OnnxModel LoadModel(string modelPath, SessionSettings? settings = null) =>
        OnnxModel.Load(this, modelPath, settings ?? new SessionSettings());

    /// <summary>Releases the environment (ORT keeps the library loaded for the process).</summary>
    public void Dispose()
    {
        CpuMemory.Dispose();
        Env.Dispose();
        if (_logSink != 0)
        {
            OrtLogRouter.Unregister(_logSink);
        }
    }

    private static Action<OnnxLogLevel, string> FilterAt(OnnxLogLevel least, Action<OnnxLogLevel, string> sink) =>
        (level, line) =>
        {
            if (level >= least)
            {
                sink(level, line);
            }
        };

    private static uint? MinorVersion(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2 && uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor) ? minor : null;
    }

    private static OnnxRuntimeUnavailableException TooOld(RuntimeLocation location, string version) =>
        new(
            $"ONNX Runtime {version} at {location.Path} ({location.HowFound}) does not provide C API version {OrtApiIndex.RequiredApiVersion}, which ModelGate needs (it provides API {MinorVersion(version)?.ToString(CultureInfo.InvariantCulture) ?? "?"}).",
            $"use ONNX Runtime 1.{OrtApiIndex.RequiredApiVersion} or newer, or drop --onnxruntime / {OnnxRuntimeOptions.EnvironmentVariable} to use the bundled copy.");

    private static List<string> ReadProviders(OrtApi api)
    {
        nint names;
        int count;
        api.Check(api.GetAvailableProviders(&names, &count), "GetAvailableProviders");
        try
        {
            var list = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                list.Add(Marshal.PtrToStringUTF8(((nint*)names)[i]) ?? string.Empty);
            }

            return list;
        }
        finally
        {
            api.Check(api.ReleaseAvailableProviders(names, count), "ReleaseAvailableProviders");
        }
    }
}
