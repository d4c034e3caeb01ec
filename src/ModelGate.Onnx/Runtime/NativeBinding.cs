using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using ModelGate.Onnx.Errors;

namespace ModelGate.Onnx.Runtime;

/// <summary>
/// Points the managed ORT API at one native library for the whole process. The managed API binds "onnxruntime" through
/// DllImport once, so the choice (CPU build, the CUDA build from the NuGet cache, or an explicit path) is made before
/// its first call, with ORT's own resolver disabled, and cannot change afterwards.
/// </summary>
internal static class NativeBinding
{
    private static readonly Lock Gate = new();
    private static string? _boundPath;
    private static nint _handle;

    /// <summary>The library the process is bound to; null before the first <see cref="Bind"/>.</summary>
    public static string? BoundPath
    {
        get
        {
            lock (Gate)
            {
                return _boundPath;
            }
        }
    }

    /// <summary>Loads <paramref name="location"/> and routes the managed API to it; a second, different library is an error.</summary>
    public static void Bind(RuntimeLocation location)
    {
        lock (Gate)
        {
            if (_boundPath is not null)
            {
                if (!SamePath(_boundPath, location.Path))
                {
                    // Say first what is wrong with the library itself (not one, not loadable), then that it is a second one.
                    Load(location);
                    throw new OnnxRuntimeUnavailableException(
                        $"ONNX Runtime is already loaded from {_boundPath} in this process, so {location.Path} ({location.HowFound}) cannot be used too.",
                        "run one ONNX Runtime per process: pass the same --onnxruntime (or --device) to every run in it.");
                }

                return;
            }

            _handle = Load(location);
            try
            {
                OrtEnv.DisableDllImportResolver = true;
                NativeLibrary.SetDllImportResolver(typeof(OrtEnv).Assembly, Resolve);
            }
            catch (InvalidOperationException ex)
            {
                throw new OnnxRuntimeUnavailableException(
                    "ONNX Runtime's managed API was used in this process before ModelGate chose its native library, so the choice cannot be made any more.",
                    "open ModelGate's OnnxRuntime before any other use of Microsoft.ML.OnnxRuntime in the process.",
                    ex);
            }

            _boundPath = location.Path;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        string.Equals(libraryName, NativeLibraryNames.ManagedImportName, StringComparison.Ordinal) ? _handle : 0;

    private static nint Load(RuntimeLocation location)
    {
        try
        {
            var handle = NativeLibrary.Load(location.Path);
            if (!NativeLibrary.TryGetExport(handle, "OrtGetApiBase", out _))
            {
                throw new OnnxRuntimeUnavailableException(
                    $"{location.Path} ({location.HowFound}) does not export OrtGetApiBase, so it is not an ONNX Runtime library.",
                    "point --onnxruntime at libonnxruntime itself.");
            }

            return handle;
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
        {
            throw new OnnxRuntimeUnavailableException(
                $"ONNX Runtime at {location.Path} ({location.HowFound}) could not be loaded: {ex.Message.ReplaceLineEndings(" ")}",
                $"check that the file is an ONNX Runtime library built for {NativeLibraryNames.Rid} and that its dependencies are installed.",
                ex);
        }
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
}
