using ModelGate.Onnx.Gpu;

namespace ModelGate.Cli.Gpu;

/// <summary>The lines `gpu status` prints: each piece CUDA needs, found or missing, and the devices.</summary>
internal static class GpuStatusText
{
    /// <summary>One line per piece, the first missing one with its fix.</summary>
    public static IReadOnlyList<string> Lines(CudaStatus status, string packagesFolder)
    {
        ArgumentNullException.ThrowIfNull(status);
        var lines = new List<string>
        {
            $"CUDA build of ONNX Runtime ({GpuBuild.PackageId ?? "none for this OS"} {GpuBuild.Version}): " +
                (status.GpuBuildFolder ?? $"not installed in {packagesFolder}"),
        };
        foreach (var piece in Enum.GetValues<CudaPiece>().Skip(1))
        {
            lines.Add($"{Name(piece)}: {State(status, piece)}");
        }

        if (status.DriverCudaVersion is not null)
        {
            lines.Add($"driver supports CUDA {status.DriverCudaVersion}");
        }

        lines.AddRange(status.Devices.Select(d => d.ToString()));
        lines.Add(status.Ready ? "ready: --device auto and cuda will run on the GPU" : $"not ready: {status.Reason}. Fix: {status.Fix}");
        return lines;
    }

    private static string Name(CudaPiece piece) => piece switch
    {
        CudaPiece.Toolkit => "CUDA 13 toolkit (libcublasLt.so.13, libcublas.so.13, libcudart.so.13, libcurand.so.10)",
        CudaPiece.Cudnn => "cuDNN 9 (libcudnn.so.9)",
        CudaPiece.Driver => "NVIDIA driver (libcuda.so.1)",
        _ => "CUDA device",
    };

    private static string State(CudaStatus status, CudaPiece piece) =>
        status.Missing is not { } missing ? "found"
        : missing == piece ? "MISSING"
        : missing < piece ? "not checked"
        : "found";
}
