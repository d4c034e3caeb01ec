using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Gpu;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>
/// --device on a machine without CUDA: auto falls back to CPU and says which piece is missing; an explicit cuda
/// request is an environment error (exit 4) with the same reason. The NuGet cache and CUDA libraries are the test's own.
/// </summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class DeviceTests(SharedRuntime shared)
{
    [Theory]
    [InlineData("auto", DeviceKind.Auto, 0)]
    [InlineData("CPU", DeviceKind.Cpu, 0)]
    [InlineData("cuda", DeviceKind.Cuda, 0)]
    [InlineData("cuda:1", DeviceKind.Cuda, 1)]
    public void Device_values_parse(string text, object deviceKind, int id)
    {
        var kind = (DeviceKind)deviceKind;
        var request = DeviceRequest.TryParse(text)!;
        Assert.Equal(kind, request.Kind);
        Assert.Equal(id, request.CudaDeviceId);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:x")]
    [InlineData("cuda:-1")]
    public void Other_device_values_do_not_parse(string text) => Assert.Null(DeviceRequest.TryParse(text));

    [Fact]
    public void Auto_without_the_cuda_build_runs_on_the_bundled_cpu_build_and_says_what_is_missing()
    {
        using var model = shared.Runtime.LoadModel(RepoPaths.Model("mlp_breast_cancer"));

        Assert.Equal("CPU", shared.Runtime.Build);
        Assert.Equal(CudaPiece.GpuBuild, shared.Runtime.Cuda.Missing);
        Assert.Equal("cpu", model.Device.Device);
        Assert.Equal("CPUExecutionProvider", model.Device.Provider);
        Assert.Null(model.Device.Gpu);
        Assert.StartsWith($"no CUDA build of ONNX Runtime: {GpuBuild.PackageId}", model.Device.Reason, StringComparison.Ordinal);
        Assert.Contains(SharedRuntime.NoCuda.NuGetPackagesFolder!, model.Device.Reason, StringComparison.Ordinal);
        Assert.EndsWith("; using CPU", model.Device.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_cuda_without_the_cuda_build_is_an_environment_error_with_the_same_reason()
    {
        var ex = Assert.Throws<OnnxRuntimeUnavailableException>(() => shared.Runtime.LoadModel(
            RepoPaths.Model("mlp_breast_cancer"), new SessionSettings { Device = DeviceRequest.Cuda() }));

        Assert.StartsWith("--device cuda:0 cannot be used: no CUDA build of ONNX Runtime", ex.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet modelgate gpu install", ex.Fix, StringComparison.Ordinal);
        Assert.Contains("--device cpu", ex.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_device_auto_falls_back_and_cuda_fails_with_4_naming_the_missing_device()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Everything but the GPU: the CUDA build, toolkit, cuDNN and a driver that sees no device.
        var stubs = new CudaStubs().WithGpuBuild().WithToolkit().WithCudnn().WithDriver(devices: 0);
        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { ReadEnvironmentVariable = false, UseSystemLoader = false, CudaProbe = stubs.Probe });
        Assert.Equal(CudaPiece.Device, runtime.Cuda.Missing);
        Assert.Equal(shared.Runtime.LibraryPath, runtime.LibraryPath);

        using var auto = runtime.LoadModel(RepoPaths.Model("mlp_breast_cancer"));
        Assert.Equal("cpu", auto.Device.Device);
        Assert.StartsWith("no CUDA-capable device is detected", auto.Device.Reason, StringComparison.Ordinal);

        var ex = Assert.Throws<OnnxRuntimeUnavailableException>(() =>
            runtime.LoadModel(RepoPaths.Model("mlp_breast_cancer"), new SessionSettings { Device = DeviceRequest.Cuda() }));
        Assert.Contains("cannot be used: no CUDA-capable device is detected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runtime_opened_for_the_cpu_refuses_a_cuda_model_and_probes_nothing()
    {
        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { ReadEnvironmentVariable = false, UseSystemLoader = false, Device = DeviceRequest.Cpu });
        Assert.True(runtime.Cuda.NotRequested);

        var ex = Assert.Throws<OnnxRuntimeUnavailableException>(() =>
            runtime.LoadModel(RepoPaths.Model("mlp_breast_cancer"), new SessionSettings { Device = DeviceRequest.Cuda(1) }));
        Assert.Contains("--device cuda:1 cannot be used: ONNX Runtime was opened for the CPU only", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_onnx_runtime_that_is_not_a_cuda_build_says_so()
    {
        var folder = Path.GetDirectoryName(shared.Runtime.LibraryPath)!;
        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { LibraryPath = folder, CudaProbe = SharedRuntime.NoCuda });

        Assert.Equal(CudaPiece.GpuBuild, runtime.Cuda.Missing);
        Assert.Contains("is not a CUDA build", runtime.Cuda.Reason, StringComparison.Ordinal);
    }
}
