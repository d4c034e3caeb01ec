using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>ONNX Runtime is found in the documented order, and a wrong place fails clearly (exit code 4).</summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class RuntimeLookupTests
{
    private static string BundledFolder => Path.Combine(AppContext.BaseDirectory, "runtimes", NativeLibraryNames.Rid, "native");

    [Fact]
    public void By_default_the_bundled_copy_is_used_and_reported_with_its_version()
    {
        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { ReadEnvironmentVariable = false, UseSystemLoader = false, Device = DeviceRequest.Cpu });

        Assert.Equal(Path.Combine(BundledFolder, NativeLibraryNames.OnnxRuntimeFile), runtime.LibraryPath);
        Assert.Contains("bundled", runtime.HowFound, StringComparison.Ordinal);
        Assert.Matches(@"^1\.\d+\.\d+", runtime.Version);
        Assert.Contains("CPUExecutionProvider", runtime.CompiledProviders);
    }

    [Fact]
    public void An_explicit_folder_wins_and_is_reported_as_explicit()
    {
        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { LibraryPath = BundledFolder, BaseDirectory = "/nonexistent", Device = DeviceRequest.Cpu });

        Assert.Equal(Path.Combine(BundledFolder, NativeLibraryNames.OnnxRuntimeFile), runtime.LibraryPath);
        Assert.Contains("explicit", runtime.HowFound, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_path_that_does_not_exist_is_an_environment_error_naming_it()
    {
        var ex = Assert.Throws<OnnxRuntimeUnavailableException>(() =>
            OnnxRuntime.Open(new OnnxRuntimeOptions { LibraryPath = "/no/such/libonnxruntime.so" }));

        Assert.Contains("/no/such/libonnxruntime.so", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Fix);
    }

    [Fact]
    public void A_folder_without_the_library_is_an_environment_error()
    {
        var folder = Directory.CreateTempSubdirectory("modelgate-ort-").FullName;
        try
        {
            var ex = Assert.Throws<OnnxRuntimeUnavailableException>(() => OnnxRuntime.Open(new OnnxRuntimeOptions { LibraryPath = folder }));
            Assert.Contains("holds no ONNX Runtime library", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_library_is_an_environment_error()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("modelgate-ort-").FullName, NativeLibraryNames.OnnxRuntimeFile);
        File.WriteAllText(file, "not a shared library");
        try
        {
            var ex = Assert.Throws<OnnxRuntimeUnavailableException>(() => OnnxRuntime.Open(new OnnxRuntimeOptions { LibraryPath = file }));
            Assert.Contains("could not be loaded", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, true);
        }
    }

    [Fact]
    public void A_second_different_onnx_runtime_in_the_same_process_is_refused_with_the_first_ones_path()
    {
        var folder = Directory.CreateTempSubdirectory("modelgate-ortcopy-").FullName;
        File.Copy(Path.Combine(BundledFolder, NativeLibraryNames.OnnxRuntimeFile), Path.Combine(folder, NativeLibraryNames.OnnxRuntimeFile));
        using var first = OnnxRuntime.Open(new OnnxRuntimeOptions { ReadEnvironmentVariable = false, UseSystemLoader = false, Device = DeviceRequest.Cpu });

        var ex = Assert.Throws<OnnxRuntimeUnavailableException>(() => OnnxRuntime.Open(new OnnxRuntimeOptions { LibraryPath = folder }));
        Assert.Contains($"already loaded from {first.LibraryPath}", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(5_000_000_000L)]
    public void A_cpu_memory_ceiling_outside_what_the_arena_takes_is_an_environment_error(long bytes)
    {
        var ex = Assert.Throws<OnnxRuntimeUnavailableException>(() => OnnxRuntime.Open(new OnnxRuntimeOptions { CpuArenaLimitBytes = bytes, Device = DeviceRequest.Cpu }));
        Assert.Contains("4095 MiB", ex.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_found_lists_where_it_looked()
    {
        var ex = Assert.Throws<OnnxRuntimeUnavailableException>(() => OnnxRuntime.Open(new OnnxRuntimeOptions
        {
            Device = DeviceRequest.Cpu,
            ReadEnvironmentVariable = false,
            UseSystemLoader = false,
            BaseDirectory = "/nonexistent-modelgate",
        }));

        Assert.Contains("/nonexistent-modelgate/runtimes", ex.Message, StringComparison.Ordinal);
        Assert.Contains(OnnxRuntimeOptions.EnvironmentVariable, ex.Message, StringComparison.Ordinal);
    }
}
