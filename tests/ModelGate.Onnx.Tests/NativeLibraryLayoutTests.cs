using System.Reflection;
using System.Runtime.InteropServices;

namespace ModelGate.Onnx.Tests;

/// <summary>The build lays ONNX Runtime's native library out beside the tests, and it loads.</summary>
public sealed class NativeLibraryLayoutTests
{
    private static string NativeFileName =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib" : "libonnxruntime.so.1";

    private static string Rid =>
        (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-" +
        RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

    [Fact]
    public unsafe void The_native_library_is_in_runtimes_rid_native_and_exports_OrtGetApiBase()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "runtimes", Rid, "native", NativeFileName);
        Assert.True(File.Exists(path), $"missing {path}");

        var handle = NativeLibrary.Load(path);
        try
        {
            var getApiBase = (delegate* unmanaged<nint>)NativeLibrary.GetExport(handle, "OrtGetApiBase");
            var apiBase = getApiBase();
            Assert.NotEqual(0, apiBase);

            // OrtApiBase = { GetApi, GetVersionString }
            var getVersion = ((delegate* unmanaged<byte*>*)apiBase)[1];
            var version = Marshal.PtrToStringUTF8((nint)getVersion());
            var expected = typeof(NativeLibraryLayoutTests).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "ModelGateOrtVersion").Value;
            Assert.Equal(expected, version);
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }
}
