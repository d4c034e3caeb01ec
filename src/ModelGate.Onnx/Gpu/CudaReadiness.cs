using System.Globalization;

namespace ModelGate.Onnx.Gpu;

/// <summary>
/// Checks, in order, the pieces the CUDA provider needs (CUDA build, toolkit, cuDNN, driver, device) and reports the
/// first one missing with the library it looked for, so "CUDA unavailable" always names what to install.
/// </summary>
internal static class CudaReadiness
{
    private const string OrCpu = "or run with --device cpu.";

    /// <summary>Looks for the CUDA build in the NuGet packages folder, then checks the rest.</summary>
    public static CudaStatus Check(CudaProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (GpuBuild.PackageId is null)
        {
            return CudaStatus.Lacking(CudaPiece.GpuBuild, $"ONNX Runtime publishes no CUDA build for {Environment.OSVersion.Platform}", OrCpu);
        }

        var packages = options.PackagesFolder;
        var folder = GpuBuild.Find(packages);
        return folder is null
            ? CudaStatus.Lacking(CudaPiece.GpuBuild,
                $"no CUDA build of ONNX Runtime: {GpuBuild.PackageId} {GpuBuild.Version} is not in {GpuBuild.ExpectedFolder(packages)}",
                $"run `dotnet modelgate gpu install` (it restores {GpuBuild.PackageId} {GpuBuild.Version} into {packages}), {OrCpu}")
            : CheckWith(folder, options);
    }

    /// <summary>Checks toolkit, cuDNN, driver and device for the CUDA build in <paramref name="gpuBuildFolder"/>.</summary>
    public static CudaStatus CheckWith(string gpuBuildFolder, CudaProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var toolkit = CudaLibraries.Toolkit.Select(name => LibraryProbe.Load(name, options)).ToList();
        var missingToolkit = toolkit.Where(l => !l.Found).ToList();
        if (missingToolkit.Count > 0)
        {
            return CudaStatus.Lacking(CudaPiece.Toolkit,
                $"the CUDA {CudaLibraries.CudaMajor} toolkit is missing: {string.Join(", ", missingToolkit.Select(l => l.Name))} not found (looked in {Looked(missingToolkit[0])})",
                $"install the CUDA {CudaLibraries.CudaMajor}.x runtime libraries (cudart, cuBLAS, cuRAND) and put their folder on {LoaderPath}, {OrCpu}",
                gpuBuildFolder);
        }

        var cudnn = LibraryProbe.Load(CudaLibraries.Cudnn, options);
        if (!cudnn.Found)
        {
            return CudaStatus.Lacking(CudaPiece.Cudnn,
                $"cuDNN {CudaLibraries.CudnnMajor} is missing: {cudnn.Name} not found (looked in {Looked(cudnn)})",
                $"install cuDNN {CudaLibraries.CudnnMajor} for CUDA {CudaLibraries.CudaMajor} and put its folder on {LoaderPath}, {OrCpu}",
                gpuBuildFolder);
        }

        var driverLibrary = LibraryProbe.Load(CudaLibraries.Driver, options);
        if (!driverLibrary.Found)
        {
            return CudaStatus.Lacking(CudaPiece.Driver,
                $"the NVIDIA driver is missing: {driverLibrary.Name} not found (looked in {Looked(driverLibrary)})",
                $"install an NVIDIA driver that supports CUDA {CudaLibraries.CudaMajor} (R580 or newer), {OrCpu}",
                gpuBuildFolder);
        }

        var driver = CudaDriver.Query(driverLibrary.Handle, driverLibrary.FoundAt!);
        var driverCuda = driver.CudaVersion is { } v ? CudaDriver.Display(v) : null;
        if (driver.CudaVersion is { } version && version / 1000 < CudaLibraries.CudaMajor)
        {
            return CudaStatus.Lacking(CudaPiece.Driver,
                $"the NVIDIA driver ({driverLibrary.Name}) supports CUDA {driverCuda}, but this ONNX Runtime build needs CUDA {CudaLibraries.CudaMajor}",
                $"update the NVIDIA driver to one that supports CUDA {CudaLibraries.CudaMajor} (R580 or newer), {OrCpu}",
                gpuBuildFolder) with { DriverCudaVersion = driverCuda };
        }

        if (driver.Problem is not null)
        {
            var piece = driver.InitResult == -1 ? CudaPiece.Driver : CudaPiece.Device;
            return CudaStatus.Lacking(piece,
                $"{driver.Problem} ({driverLibrary.Name} from {driverLibrary.FoundAt})",
                piece == CudaPiece.Device
                    ? $"run on a machine with an NVIDIA GPU (check with nvidia-smi), {OrCpu}"
                    : $"reinstall the NVIDIA driver, {OrCpu}",
                gpuBuildFolder) with { DriverCudaVersion = driverCuda };
        }

        return new CudaStatus
        {
            Reason = string.Create(CultureInfo.InvariantCulture,
                $"CUDA build of ONNX Runtime in {gpuBuildFolder}; driver CUDA {driverCuda ?? "?"}; {string.Join(", ", driver.Devices)}"),
            GpuBuildFolder = gpuBuildFolder,
            Devices = driver.Devices,
            DriverCudaVersion = driverCuda,
        };
    }

    private static string LoaderPath => OperatingSystem.IsWindows() ? "PATH" : "LD_LIBRARY_PATH";

    private static string Looked(ProbedLibrary library) => library.Tried.Count == 0 ? "nowhere" : string.Join("; ", library.Tried);
}
