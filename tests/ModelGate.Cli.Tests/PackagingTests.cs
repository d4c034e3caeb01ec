using System.IO.Compression;
using System.Runtime.InteropServices;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>One <c>dotnet pack</c> of the tool (the pointer package and the host RID's package only, to keep it fast), shared by the packaging tests.</summary>
public sealed class PackedTool : IDisposable
{
    public PackedTool()
    {
        Scratch = new TempFolder("cli");
        Feed = Directory.CreateDirectory(Scratch.File("feed")).FullName;
        // A private package cache: an older package with the same version in ~/.nuget/packages would be installed instead of this one.
        // The SDK's local-tool resolver cache (~/.dotnet/toolResolverCache) would keep pointing into a deleted scratch
        // cache after this run ("Run dotnet tool restore"), so the tool commands get their own CLI home too.
        Env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["NUGET_PACKAGES"] = Scratch.File("nuget-cache"),
            ["DOTNET_CLI_HOME"] = Scratch.File("cli-home"),
        };
        Pack = ProcessRun.RunAsync("dotnet",
            ["pack", RepoPaths.Path("src", "ModelGate.Cli"), "-c", "Release", $"-p:ToolPackageRuntimeIdentifiers={RuntimeInformation.RuntimeIdentifier}", "-o", Feed, "-v", "q", "--nologo"],
            RepoPaths.Root, timeout: TimeSpan.FromMinutes(15)).GetAwaiter().GetResult();
        Package = Directory.GetFiles(Feed, "ModelGate.*.nupkg").SingleOrDefault(f => char.IsAsciiDigit(Path.GetFileName(f)["ModelGate.".Length]));
        RidPackage = Directory.GetFiles(Feed, $"ModelGate.{RuntimeInformation.RuntimeIdentifier}.*.nupkg").SingleOrDefault();
        Version = Package is null ? string.Empty : Path.GetFileNameWithoutExtension(Package)["ModelGate.".Length..];
    }

    public TempFolder Scratch { get; }

    public string Feed { get; }

    public IReadOnlyDictionary<string, string> Env { get; }

    public CliRun Pack { get; }

    /// <summary>The pointer package users install by name.</summary>
    public string? Package { get; }

    /// <summary>The host RID's package, which carries the binaries.</summary>
    public string? RidPackage { get; }

    public string Version { get; }

    public void Dispose() => Scratch.Dispose();
}

/// <summary>The packed tool, installed the way a user installs it, runs an example.</summary>
[Trait("Category", "Packaging")]
[Collection(PackingRuns.Name)]
public sealed class PackagingTests(PackedTool tool) : IClassFixture<PackedTool>
{
    private string PackedOk()
    {
        Assert.True(tool.Pack.ExitCode == 0 && tool.Package is not null, tool.Pack.ToString());
        return tool.Package!;
    }

    [Fact]
    public void The_rid_package_carries_only_its_onnx_runtime_with_the_licences_and_stays_under_50_mb()
    {
        PackedOk();
        Assert.NotNull(tool.RidPackage);
        Assert.True(new FileInfo(tool.RidPackage!).Length < 50L * 1024 * 1024, $"{tool.RidPackage} is {new FileInfo(tool.RidPackage!).Length} bytes");
        using var zip = ZipFile.OpenRead(tool.RidPackage!);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        var rid = RuntimeInformation.RuntimeIdentifier;
        Assert.Contains(names, n => n.EndsWith($"/{rid}/DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith($"/{rid}/dotnet-modelgate.dll", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith($"/{rid}/{(OperatingSystem.IsWindows() ? "onnxruntime.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib" : "libonnxruntime.so")}", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("/runtimes/", StringComparison.Ordinal));
        Assert.Contains("LICENSE", names);
        Assert.Contains("third-party/onnxruntime/LICENSE", names);
        Assert.Contains("third-party/onnxruntime/ThirdPartyNotices.txt", names);
        Assert.Contains("third-party/THIRD-PARTY-NOTICES.md", names);
    }

    [Fact]
    public void The_pointer_package_names_the_tool_and_carries_the_licences_but_no_binaries()
    {
        using var zip = ZipFile.OpenRead(PackedOk());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains(names, n => n.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.EndsWith(".dll", StringComparison.Ordinal));
        Assert.Contains("README.md", names);
        Assert.Contains("LICENSE", names);
        Assert.Contains("third-party/onnxruntime/ThirdPartyNotices.txt", names);
    }

    [Fact]
    public async Task Installed_into_an_empty_tool_path_it_runs_an_example()
    {
        PackedOk();
        var toolPath = tool.Scratch.File("tools");
        var install = await ProcessRun.RunAsync("dotnet",
            ["tool", "install", "ModelGate", "--tool-path", toolPath, "--add-source", tool.Feed, "--version", tool.Version],
            tool.Scratch.Path, tool.Env);
        Assert.True(install.ExitCode == 0, install.ToString());

        var outDir = tool.Scratch.File("out");
        var exe = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "dotnet-modelgate.exe" : "dotnet-modelgate");
        var run = await ProcessRun.RunAsync(exe, ["check", "--policy", "examples/breast-cancer/modelgate.yml", "--out", outDir], RepoPaths.Root,
            new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = CliHarness.SourceDateEpoch, ["CI"] = "true" }, TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("ModelGate: PASS", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "report.md")));
        Assert.Contains("bundled", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_tool_manifest_installs_and_runs_it()
    {
        PackedOk();
        var repo = Directory.CreateDirectory(tool.Scratch.File("consumer")).FullName;
        var manifest = await ProcessRun.RunAsync("dotnet", ["new", "tool-manifest"], repo, tool.Env);
        Assert.True(manifest.ExitCode == 0, manifest.ToString());
        var install = await ProcessRun.RunAsync("dotnet",
            ["tool", "install", "--local", "ModelGate", "--add-source", tool.Feed, "--version", tool.Version], repo, tool.Env);
        Assert.True(install.ExitCode == 0, install.ToString());
        // .NET 10 writes the manifest at the folder's root; earlier SDKs under .config/.
        var manifestFile = new[] { Path.Combine(repo, "dotnet-tools.json"), Path.Combine(repo, ".config", "dotnet-tools.json") }.First(File.Exists);
        Assert.Contains("\"dotnet-modelgate\"", File.ReadAllText(manifestFile), StringComparison.Ordinal);

        var run = await ProcessRun.RunAsync("dotnet", ["tool", "run", "dotnet-modelgate", "--", "--version"], repo, tool.Env, TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"ModelGate {tool.Version}", run.Out, StringComparison.Ordinal);
        Assert.Contains($"ONNX Runtime {RepoPaths.OrtVersion}", run.Out, StringComparison.Ordinal);

        var shorthand = await ProcessRun.RunAsync("dotnet", ["modelgate", "--version"], repo, tool.Env, TimeSpan.FromMinutes(2));
        Assert.True(shorthand.ExitCode == 0, shorthand.ToString());
        Assert.Contains($"ModelGate {tool.Version}", shorthand.Out, StringComparison.Ordinal);
    }
}
