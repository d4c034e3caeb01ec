using System.Runtime.InteropServices;

namespace ModelGate.Onnx.Runtime;

/// <summary>ONNX Runtime's and CUDA's file names and the runtime identifier on this platform.</summary>
internal static class NativeLibraryNames
{
    /// <summary>The name the managed API asks the loader for (its DllImport).</summary>
    public const string ManagedImportName = "onnxruntime";

    /// <summary>The file the NuGet packages lay out as runtimes/&lt;rid&gt;/native/&lt;file&gt;.</summary>
    public static string OnnxRuntimeFile =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib" : "libonnxruntime.so";

    /// <summary>Every name an ONNX Runtime library is known by, most specific first.</summary>
    public static IReadOnlyList<string> OnnxRuntimeFiles =>
        OperatingSystem.IsWindows() ? ["onnxruntime.dll"]
        : OperatingSystem.IsMacOS() ? ["libonnxruntime.dylib", "libonnxruntime.1.dylib"]
        : ["libonnxruntime.so", "libonnxruntime.so.1"];

    /// <summary>The CUDA execution provider's libraries, which ORT loads from its own folder.</summary>
    public static IReadOnlyList<string> CudaProviderFiles =>
        OperatingSystem.IsWindows()
            ? ["onnxruntime_providers_shared.dll", "onnxruntime_providers_cuda.dll"]
            : ["libonnxruntime_providers_shared.so", "libonnxruntime_providers_cuda.so"];

    /// <summary>The NuGet package (lower case, as in the packages folder) holding the CUDA build for this OS; null where there is none.</summary>
    public static string? GpuPackageId =>
        OperatingSystem.IsWindows() ? "microsoft.ml.onnxruntime.gpu.windows"
        : OperatingSystem.IsLinux() ? "microsoft.ml.onnxruntime.gpu.linux"
        : null;

    /// <summary>The runtime identifier, e.g. linux-x64.</summary>
    public static string Rid =>
        (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" +
        RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
}
