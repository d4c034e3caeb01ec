using System.IO.Compression;
using System.Text;
using ModelGate.Cli.Tests.Support;
using ModelGate.Onnx.Gpu;

namespace ModelGate.Cli.Tests;

/// <summary>
/// `gpu status` names what is missing (exit 4) and `gpu install` restores the CUDA build with NuGet's client into the
/// NuGet cache the test owns, once: a local feed holds a stand-in package with the real id and version.
/// </summary>
public sealed class GpuCommandTests
{
    [Fact]
    public async Task Status_without_the_cuda_build_says_where_it_looked_and_exits_4()
    {
        var run = await CliHarness.RunAsync(["gpu", "status"]);

        Assert.Equal(ExitCodes.EnvironmentError, run.ExitCode);
        Assert.Contains($"CUDA build of ONNX Runtime ({GpuBuild.PackageId} {GpuBuild.Version}): not installed in {CliHarness.EmptyNuGet}", run.Out, StringComparison.Ordinal);
        Assert.Contains("not ready: no CUDA build of ONNX Runtime", run.Out, StringComparison.Ordinal);
        Assert.Contains("dotnet modelgate gpu install", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_restores_the_cuda_build_into_the_nuget_cache_once()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var root = Directory.CreateTempSubdirectory("modelgate-gpu-install-").FullName;
        var feed = Directory.CreateDirectory(Path.Combine(root, "feed")).FullName;
        var packages = Path.Combine(root, "packages");
        WriteStandInPackage(Path.Combine(feed, $"microsoft.ml.onnxruntime.gpu.linux.{GpuBuild.Version}.nupkg"));
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };

        var first = await CliHarness.RunAsync(["gpu", "install", "--source", feed], env: env);
        Assert.True(first.ExitCode == ExitCodes.Passed, first.ToString());
        Assert.Contains($"modelgate: restoring Microsoft.ML.OnnxRuntime.Gpu.Linux {GpuBuild.Version} into {packages}", first.Error, StringComparison.Ordinal);
        Assert.Contains($"installed: {GpuBuild.ExpectedFolder(packages)}", first.Out, StringComparison.Ordinal);
        Assert.NotNull(GpuBuild.Find(packages));

        var second = await CliHarness.RunAsync(["gpu", "install", "--source", feed], env: env);
        Assert.Equal(ExitCodes.Passed, second.ExitCode);
        Assert.StartsWith("already installed:", second.Out, StringComparison.Ordinal);
        Assert.Empty(second.Error);
    }

    [Fact]
    public async Task Install_from_a_feed_without_the_package_is_one_line_and_exit_4()
    {
        var feed = Directory.CreateTempSubdirectory("modelgate-empty-feed-").FullName;
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Directory.CreateTempSubdirectory("modelgate-nuget-").FullName };

        var run = await CliHarness.RunAsync(["gpu", "install", "--source", feed], env: env);

        Assert.Equal(ExitCodes.EnvironmentError, run.ExitCode);
        var error = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("failed", StringComparison.Ordinal));
        Assert.StartsWith($"modelgate: restoring {GpuBuild.PackageId} {GpuBuild.Version} into", error, StringComparison.Ordinal);
        Assert.Contains("--source", error, StringComparison.Ordinal);
    }

    /// <summary>A package with the real id and version whose native folder holds placeholder files under the real names.</summary>
    private static void WriteStandInPackage(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "Microsoft.ML.OnnxRuntime.Gpu.Linux.nuspec", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>Microsoft.ML.OnnxRuntime.Gpu.Linux</id>
                <version>{GpuBuild.Version}</version>
                <authors>ModelGate tests</authors>
                <description>Stand-in for the CUDA build of ONNX Runtime.</description>
              </metadata>
            </package>
            """);
        foreach (var file in new[] { "libonnxruntime.so", "libonnxruntime_providers_shared.so", "libonnxruntime_providers_cuda.so" })
        {
            Add(zip, $"runtimes/linux-x64/native/{file}", "placeholder");
        }
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
