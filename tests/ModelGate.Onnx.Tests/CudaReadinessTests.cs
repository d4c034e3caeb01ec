using ModelGate.Onnx.Gpu;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>
/// Each piece CUDA needs, taken away in turn (with stub libraries standing in for the real ones), gives its own
/// message naming the missing library; with every piece present the device's name and memory come from the driver.
/// </summary>
public sealed class CudaReadinessTests
{
    [Fact]
    public void Without_the_cuda_build_it_says_so_and_where_it_looked()
    {
        var stubs = new CudaStubs();
        var status = CudaReadiness.Check(stubs.Probe);

        Assert.Equal(CudaPiece.GpuBuild, status.Missing);
        Assert.Contains($"no CUDA build of ONNX Runtime: {GpuBuild.PackageId} {GpuBuild.Version} is not in {stubs.Packages}", status.Reason, StringComparison.Ordinal);
        Assert.Contains("dotnet modelgate gpu install", status.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CudaPiece.Toolkit, "the CUDA 13 toolkit is missing: libcublasLt.so.13, libcublas.so.13, libcudart.so.13, libcurand.so.10 not found")]
    [InlineData(CudaPiece.Cudnn, "cuDNN 9 is missing: libcudnn.so.9 not found")]
    [InlineData(CudaPiece.Driver, "the NVIDIA driver is missing: libcuda.so.1 not found")]
    [InlineData(CudaPiece.Device, "no CUDA-capable device is detected")]
    public void Each_missing_piece_names_its_library(object missingPiece, string reason)
    {
        var missing = (CudaPiece)missingPiece;
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Every piece before the missing one is present.
        var stubs = new CudaStubs().WithGpuBuild();
        _ = missing > CudaPiece.Toolkit ? stubs.WithToolkit() : stubs;
        _ = missing > CudaPiece.Cudnn ? stubs.WithCudnn() : stubs;
        _ = missing == CudaPiece.Device ? stubs.WithDriver(devices: 0) : stubs;

        var status = CudaReadiness.Check(stubs.Probe);
        Assert.Equal(missing, status.Missing);
        Assert.StartsWith(reason, status.Reason, StringComparison.Ordinal);
        Assert.Contains("--device cpu", status.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_driver_too_old_for_cuda_13_it_says_which_cuda_the_driver_supports()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var status = CudaReadiness.Check(new CudaStubs().WithGpuBuild().WithToolkit().WithCudnn().WithDriver(devices: 1, cudaVersion: 12080).Probe);
        Assert.Equal(CudaPiece.Driver, status.Missing);
        Assert.Contains("supports CUDA 12.8, but this ONNX Runtime build needs CUDA 13", status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_every_piece_it_is_ready_and_reports_the_device_name_and_memory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var stubs = new CudaStubs().WithGpuBuild().WithToolkit().WithCudnn().WithDriver(devices: 1);
        var status = CudaReadiness.Check(stubs.Probe);

        Assert.True(status.Ready, status.Reason);
        Assert.Null(status.Fix);
        Assert.Equal("13.0", status.DriverCudaVersion);
        var device = Assert.Single(status.Devices);
        Assert.Equal("ModelGate Stub GPU", device.Name);
        Assert.Equal(8L << 30, device.MemoryBytes);
        Assert.Equal(GpuBuild.ExpectedFolder(stubs.Packages), status.GpuBuildFolder);
        Assert.Contains("cuda:0 ModelGate Stub GPU (8.0 GiB)", status.Reason, StringComparison.Ordinal);
    }
}
