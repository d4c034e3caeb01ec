using ModelGate.Onnx.Gpu;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Onnx.Runtime;

/// <summary>
/// Chooses the library before anything is loaded: an explicit path as given; otherwise, unless CPU was asked for, the
/// CUDA build from the NuGet cache when CUDA is completely usable; otherwise the bundled CPU build. A machine without
/// CUDA therefore never loads the CUDA build, and the reason is kept for the report.
/// </summary>
internal static class RuntimeChoice
{
    public static (RuntimeLocation Location, CudaStatus Cuda) Choose(OnnxRuntimeOptions options)
    {
        var wantsCuda = options.Device.Kind != DeviceKind.Cpu;
        if (RuntimeLocator.FindExplicit(options) is { } given)
        {
            var folder = Path.GetDirectoryName(given.Path)!;
            var cuda = !wantsCuda ? CudaStatus.CpuRequested
                : GpuBuild.IsGpuBuild(folder) ? CudaReadiness.CheckWith(folder, options.CudaProbe)
                : CudaStatus.Lacking(CudaPiece.GpuBuild,
                    $"the ONNX Runtime at {given.Path} is not a CUDA build (no {string.Join(" + ", NativeLibraryNames.CudaProviderFiles)} beside it)",
                    $"point --onnxruntime at the native folder of {GpuBuild.PackageId ?? "a CUDA build"} {GpuBuild.Version} (`dotnet modelgate gpu status` shows it), or run with --device cpu.");
            return (given, cuda);
        }

        if (!wantsCuda)
        {
            return (RuntimeLocator.FindBundled(options), CudaStatus.CpuRequested);
        }

        var status = CudaReadiness.Check(options.CudaProbe);
        if (!status.Ready)
        {
            return (RuntimeLocator.FindBundled(options), status);
        }

        var library = Path.Combine(status.GpuBuildFolder!, NativeLibraryNames.OnnxRuntimeFile);
        if (NativeBinding.BoundPath is { } bound && !string.Equals(Path.GetFullPath(bound), library, StringComparison.Ordinal))
        {
            // One library per process: an earlier runtime already loaded another build; auto keeps it, saying why.
            return (new RuntimeLocation(bound, "already loaded in this process", false), CudaStatus.Lacking(CudaPiece.GpuBuild,
                $"this process already loaded ONNX Runtime from {bound}, so the CUDA build in {status.GpuBuildFolder} cannot be loaded beside it",
                "run ModelGate in a fresh process, or run with --device cpu."));
        }

        return (new RuntimeLocation(library, $"CUDA build from the NuGet cache ({GpuBuild.PackageId} {GpuBuild.Version})", false), status);
    }
}
