using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>The Microsoft.ML.OnnxRuntime package lays ONNX Runtime out beside the tests, and it is the version built against.</summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class NativeLibraryLayoutTests(SharedRuntime shared)
{
    [Fact]
    public void The_native_library_is_in_runtimes_rid_native_and_is_the_version_built_against()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "runtimes", NativeLibraryNames.Rid, "native", NativeLibraryNames.OnnxRuntimeFile);
        Assert.True(File.Exists(path), $"missing {path}");

        Assert.Equal(RepoPaths.OrtVersion, shared.Runtime.Version);
        Assert.Equal(path, shared.Runtime.LibraryPath);
    }

    [Fact]
    public void Telemetry_is_off_once_a_runtime_is_open() => Assert.True(OnnxRuntime.TelemetryDisabled);
}
