using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>
/// --device on a machine without CUDA: auto falls back to CPU and says why; an explicit cuda request is an
/// environment error with the reason. A provider copy found outside ONNX Runtime's folder is reported as such.
/// </summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class DeviceTests(SharedRuntime shared)
{
    private static string EmptyNuGet() => Directory.CreateTempSubdirectory("modelgate-nuget-").FullName;

    [Theory]
    [InlineData("auto", DeviceKind.Auto, 0)]
    [InlineData("CPU", DeviceKind.Cpu, 0)]
    [InlineData("cuda", DeviceKind.Cuda, 0)]
    [InlineData("cuda:1", DeviceKind.Cuda, 1)]
    public void Device_values_parse(string text, DeviceKind kind, int id)
    {
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
    public void Auto_without_cuda_libraries_runs_on_cpu_and_records_where_it_looked()
    {
        var nuget = EmptyNuGet();
        using var model = shared.Runtime.LoadModel(Repo.Model("mlp_breast_cancer"), new SessionSettings { NuGetPackagesFolder = nuget });

        Assert.Equal("cpu", model.Device.Device);
        Assert.Equal("CPUExecutionProvider", model.Device.Provider);
        Assert.Contains("CUDA provider libraries", model.Device.Reason, StringComparison.Ordinal);
        Assert.Contains("not found", model.Device.Reason, StringComparison.Ordinal);
        Assert.Contains(Path.GetDirectoryName(shared.Runtime.LibraryPath)!, model.Device.Reason, StringComparison.Ordinal);
        Assert.Contains("microsoft.ml.onnxruntime.gpu.linux", model.Device.Reason, StringComparison.Ordinal);
        Assert.EndsWith("using CPU", model.Device.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_cuda_without_cuda_libraries_is_an_environment_error_with_the_reason()
    {
        var ex = Assert.Throws<OnnxRuntimeUnavailableException>(() => shared.Runtime.LoadModel(
            Repo.Model("mlp_breast_cancer"), new SessionSettings { Device = DeviceRequest.Cuda(), NuGetPackagesFolder = EmptyNuGet() }));

        Assert.Equal(4, ex.ExitCode);
        Assert.Contains("--device cuda:0 cannot be used", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--device cpu", ex.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_libraries_in_a_user_folder_but_not_beside_onnx_runtime_are_reported_with_the_fix()
    {
        var folder = Directory.CreateTempSubdirectory("modelgate-cuda-").FullName;
        foreach (var file in NativeLibraryNames.CudaProviderFiles)
        {
            File.WriteAllText(Path.Combine(folder, file), "placeholder");
        }

        var settings = new SessionSettings { Device = DeviceRequest.Cuda(), CudaLibraryFolder = folder, NuGetPackagesFolder = EmptyNuGet() };
        var ex = Assert.Throws<OnnxRuntimeUnavailableException>(() => shared.Runtime.LoadModel(Repo.Model("mlp_breast_cancer"), settings));
        Assert.Contains($"found in {folder}, but ONNX Runtime loads providers only from its own folder", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"--onnxruntime {folder}", ex.Fix, StringComparison.Ordinal);

        using var auto = shared.Runtime.LoadModel(Repo.Model("mlp_breast_cancer"), settings with { Device = DeviceRequest.Auto });
        Assert.Equal("cpu", auto.Device.Device);
    }

    [Fact]
    public void Unloadable_provider_libraries_beside_onnx_runtime_make_auto_fall_back_with_orts_reason()
    {
        // A copy of ONNX Runtime in a folder with broken provider files: ORT really tries to load them and fails.
        var folder = Directory.CreateTempSubdirectory("modelgate-ortcopy-").FullName;
        File.Copy(shared.Runtime.LibraryPath, Path.Combine(folder, NativeLibraryNames.OnnxRuntimeFile));
        foreach (var file in NativeLibraryNames.CudaProviderFiles)
        {
            File.WriteAllText(Path.Combine(folder, file), "not a library");
        }

        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { LibraryPath = folder });
        using var model = runtime.LoadModel(Repo.Model("mlp_breast_cancer"), new SessionSettings { NuGetPackagesFolder = EmptyNuGet() });
        Assert.Equal("cpu", model.Device.Device);
        Assert.Contains("did not load", model.Device.Reason, StringComparison.Ordinal);

        var ex = Assert.Throws<OnnxRuntimeUnavailableException>(() =>
            runtime.LoadModel(Repo.Model("mlp_breast_cancer"), new SessionSettings { Device = DeviceRequest.Cuda(), NuGetPackagesFolder = EmptyNuGet() }));
        Assert.Contains("did not load", ex.Message, StringComparison.Ordinal);
    }
}
