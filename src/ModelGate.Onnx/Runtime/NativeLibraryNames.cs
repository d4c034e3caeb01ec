using System.Runtime.InteropServices;

namespace ModelGate.Onnx.Runtime;

/// <summary>ONNX Runtime's file names and runtime identifier on this platform.</summary>
internal static class NativeLibraryNames
{
    /// <summary>The file the build lays out (and the name the system loader is asked for first).</summary>
    public static string OnnxRuntimeFile =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib" : "libonnxruntime.so.1";

    /// <summary>Every name an ONNX Runtime library is known by, most specific first.</summary>
    public static IReadOnlyList<string> OnnxRuntimeFiles =>
        OperatingSystem.IsWindows() ? ["onnxruntime.dll"]
        : OperatingSystem.IsMacOS() ? ["libonnxruntime.dylib", "libonnxruntime.1.dylib"]
        : ["libonnxruntime.so.1", "libonnxruntime.so"];

    /// <summary>The CUDA execution provider's libraries, which ORT loads from its own folder.</summary>
    public static IReadOnlyList<string> CudaProviderFiles =>
        OperatingSystem.IsWindows()
            ? ["onnxruntime_providers_shared.dll", "onnxruntime_providers_cuda.dll"]
            : ["libonnxruntime_providers_shared.so", "libonnxruntime_providers_cuda.so"];

    /// <summary>The runtime identifier, e.g. linux-x64.</summary>
    public static string Rid =>
        (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" +
        RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
}
