using System.Reflection;
using ModelGate.Onnx.Runtime;

namespace ModelGate.Onnx.Gpu;

/// <summary>
/// Finds the CUDA build of ONNX Runtime where `dotnet modelgate gpu install` (or any restore) puts it: the NuGet
/// packages folder, Microsoft.ML.OnnxRuntime.Gpu.Linux/Windows at the version ModelGate was built for, with the CUDA
/// provider beside libonnxruntime. Other versions are not used: the managed API must match the native one.
/// </summary>
internal static class GpuBuild
{
    /// <summary>The Microsoft.ML.OnnxRuntime.Gpu.* version ModelGate uses.</summary>
    public static string Version { get; } = typeof(GpuBuild).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ModelGateOrtGpuVersion").Value!;

    /// <summary>The package id for this OS as users type it; null where ONNX Runtime publishes no CUDA build.</summary>
    public static string? PackageId =>
        OperatingSystem.IsWindows() ? "Microsoft.ML.OnnxRuntime.Gpu.Windows"
        : OperatingSystem.IsLinux() ? "Microsoft.ML.OnnxRuntime.Gpu.Linux"
        : null;

    /// <summary>The folder the CUDA build's native libraries are expected in, under <paramref name="packagesFolder"/>.</summary>
    public static string? ExpectedFolder(string packagesFolder) =>
        NativeLibraryNames.GpuPackageId is { } id
            ? Path.Combine(packagesFolder, id, Version, "runtimes", NativeLibraryNames.Rid, "native")
            : null;

    /// <summary>The folder holding libonnxruntime and the CUDA provider, or null when not (completely) there.</summary>
    public static string? Find(string packagesFolder) =>
        ExpectedFolder(packagesFolder) is { } folder && IsGpuBuild(folder) ? folder : null;

    /// <summary>True when <paramref name="folder"/> holds ONNX Runtime with the CUDA provider beside it.</summary>
    public static bool IsGpuBuild(string folder) =>
        File.Exists(Path.Combine(folder, NativeLibraryNames.OnnxRuntimeFile))
        && NativeLibraryNames.CudaProviderFiles.All(f => File.Exists(Path.Combine(folder, f)));
}
