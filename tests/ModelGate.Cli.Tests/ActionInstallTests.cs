using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>
/// action.yml as a user's workflow runs it (<c>uses: owner/modelgate@ref</c>, no inputs about the tool): every step in a
/// simulated Actions environment with no package source, so the tool is packed from the action's own checkout, then
/// reused from the cache on the next run; and <c>version:</c> installing a given release from a package folder.
/// </summary>
[Trait("Category", "Packaging")]
[Collection(PackingRuns.Name)]
public sealed class ActionInstallTests
{
    [Fact]
    public async Task The_action_builds_the_tool_from_its_own_source_gates_an_example_and_reuses_the_cache()
    {
        using var scratch = new TempFolder("cli");
        var action = new CompositeAction(RepoPaths.Path("action.yml"));
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? scratch.Path,
            // Private package and tool caches: nothing a developer installed before may stand in for what the action packs.
            ["NUGET_PACKAGES"] = scratch.File("nuget-cache"),
            ["DOTNET_CLI_HOME"] = scratch.File("cli-home"),
            ["MG_TOOL_CACHE"] = scratch.File("tool-cache"),
            ["SOURCE_DATE_EPOCH"] = CliHarness.SourceDateEpoch,
            ["GITHUB_TOKEN"] = "ghs_planted_secret_never_printed_0123456789",
        };
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["policy"] = "examples/breast-cancer/modelgate.yml",
            ["out"] = scratch.File("report"),
            ["comment"] = "false",
        };

        var first = await action.RunAsync(RepoPaths.Root, Directory.CreateDirectory(scratch.File("runner-1")).FullName, inputs, env, TimeSpan.FromMinutes(15));
        Assert.True(first.Failed is null, first.Log);
        Assert.False(first.Steps.Single(s => s.Name == "Set up .NET").Ran);
        Assert.True(first.Steps.Single(s => s.Name == "Cache the tool built from this action's source").Ran);
        Assert.False(first.Steps.Single(s => s.Name == "Cache the CUDA build of ONNX Runtime").Ran);
        var install = first.Steps.Single(s => s.Name == "Install ModelGate").Run!;
        Assert.Contains("ModelGate: using the tool built from this action's source", install.Out, StringComparison.Ordinal);
        Assert.Contains("), packed, in ", install.Out, StringComparison.Ordinal);
        Assert.Equal("pass", first.Outputs["verdict"]);
        Assert.Contains("ModelGate: PASS", first.Summary, StringComparison.Ordinal);
        Assert.True(File.Exists(scratch.File("report/report.json")));

        // The cache key is the sources' hash: the second run (a warm actions/cache) installs the same package without packing.
        Assert.Matches(@"^modelgate-tool-[^\n]+-[0-9a-f]{16}$", first.StepOutputs["steps.source.outputs.key"]);
        Assert.StartsWith(scratch.File("tool-cache"), first.StepOutputs["steps.source.outputs.dir"], StringComparison.Ordinal);
        var second = await action.RunAsync(RepoPaths.Root, Directory.CreateDirectory(scratch.File("runner-2")).FullName, inputs, env, TimeSpan.FromMinutes(5));
        Assert.True(second.Failed is null, second.Log);
        Assert.Contains("), reused from the cache, in ", second.Steps.Single(s => s.Name == "Install ModelGate").Run!.Out, StringComparison.Ordinal);
        Assert.Equal("pass", second.Outputs["verdict"]);

        // version: installs that release (here from a folder, as NuGet would serve it) and skips the source build entirely.
        // The pointer package (ModelGate.<version>.nupkg) beside the RID package (ModelGate.<rid>.<version>.nupkg).
        var package = Directory.GetFiles(scratch.File("tool-cache"), "ModelGate.*.nupkg", SearchOption.AllDirectories)
            .Single(f => char.IsAsciiDigit(Path.GetFileName(f)["ModelGate.".Length]));
        var version = Path.GetFileNameWithoutExtension(package)["ModelGate.".Length..];
        var released = await action.RunAsync(RepoPaths.Root, Directory.CreateDirectory(scratch.File("runner-3")).FullName,
            new Dictionary<string, string>(inputs, StringComparer.Ordinal) { ["version"] = version, ["package-source"] = Path.GetDirectoryName(package)! },
            env, TimeSpan.FromMinutes(5));
        Assert.True(released.Failed is null, released.Log);
        Assert.False(released.Steps.Single(s => s.Id == "source").Ran);
        Assert.Contains($"ModelGate: installed release {version}", released.Steps.Single(s => s.Name == "Install ModelGate").Run!.Out, StringComparison.Ordinal);
        Assert.Equal("pass", released.Outputs["verdict"]);

        foreach (var outcome in new[] { first, second, released })
        {
            Assert.DoesNotContain("ghs_planted_secret", outcome.Log + outcome.Summary, StringComparison.Ordinal);
        }
    }
}
