using System.Diagnostics;
using System.Globalization;
using ModelGate.Onnx.Gpu;
using ModelGate.Onnx.Runtime;

namespace ModelGate.Onnx.Tests.Support;

/// <summary>
/// A machine's CUDA pieces, faked one by one in a temporary folder: a NuGet cache with a placeholder CUDA build, empty
/// shared libraries under the toolkit's and cuDNN's names, and a libcuda.so.1 compiled here (cc) that answers the six
/// driver calls with a chosen version and device count. No GPU is needed; nothing outside the folder is consulted.
/// </summary>
internal sealed class CudaStubs
{
    private const string DriverSource = """
        #include <string.h>
        #include <stddef.h>
        int cuDriverGetVersion(int* v) { *v = VERSION; return 0; }
        int cuInit(unsigned int flags) { (void)flags; return DEVICES == 0 ? 100 : 0; }
        int cuDeviceGetCount(int* n) { *n = DEVICES; return 0; }
        int cuDeviceGet(int* d, int i) { *d = i; return 0; }
        int cuDeviceGetName(char* name, int len, int d) { (void)d; strncpy(name, "ModelGate Stub GPU", (size_t)len); return 0; }
        int cuDeviceTotalMem_v2(size_t* bytes, int d) { (void)d; *bytes = (size_t)8 << 30; return 0; }
        """;

    public CudaStubs()
    {
        Root = Directory.CreateTempSubdirectory("modelgate-cuda-stubs-").FullName;
        Packages = Directory.CreateDirectory(Path.Combine(Root, "nuget")).FullName;
        Libraries = Directory.CreateDirectory(Path.Combine(Root, "lib")).FullName;
    }

    public string Root { get; }

    public string Packages { get; }

    public string Libraries { get; }

    public CudaProbeOptions Probe => new() { NuGetPackagesFolder = Packages, LibraryFolders = [Libraries], UseSystemLoader = false };

    /// <summary>Placeholder files where Microsoft.ML.OnnxRuntime.Gpu.Linux would be restored.</summary>
    public CudaStubs WithGpuBuild()
    {
        var folder = Directory.CreateDirectory(GpuBuild.ExpectedFolder(Packages)!).FullName;
        foreach (var file in NativeLibraryNames.CudaProviderFiles.Append(NativeLibraryNames.OnnxRuntimeFile))
        {
            File.WriteAllText(Path.Combine(folder, file), "placeholder");
        }

        return this;
    }

    public CudaStubs WithToolkit()
    {
        foreach (var name in new[] { "libcublasLt.so.13", "libcublas.so.13", "libcudart.so.13", "libcurand.so.10" })
        {
            Compile(name, "int modelgate_stub;");
        }

        return this;
    }

    public CudaStubs WithCudnn()
    {
        Compile("libcudnn.so.9", "int modelgate_stub;");
        return this;
    }

    public CudaStubs WithDriver(int devices, int cudaVersion = 13000)
    {
        Compile("libcuda.so.1", DriverSource, $"-DDEVICES={devices.ToString(CultureInfo.InvariantCulture)}", $"-DVERSION={cudaVersion.ToString(CultureInfo.InvariantCulture)}");
        return this;
    }

    private void Compile(string name, string source, params string[] defines)
    {
        var file = Path.Combine(Root, name + ".c");
        File.WriteAllText(file, source);
        var start = new ProcessStartInfo("cc") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-shared", "-fPIC", "-o", Path.Combine(Libraries, name), file }.Concat(defines))
        {
            start.ArgumentList.Add(arg);
        }

        using var cc = Process.Start(start) ?? throw new InvalidOperationException("cc did not start");
        var errors = cc.StandardError.ReadToEnd();
        cc.WaitForExit();
        Assert.True(cc.ExitCode == 0, $"cc failed building the {name} stub (these tests need a C compiler): {errors}");
    }
}
