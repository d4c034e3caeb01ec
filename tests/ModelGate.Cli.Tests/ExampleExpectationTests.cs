using System.Text;
using System.Text.Json;
using ModelGate.Cli.Tests.Support;
using ModelGate.Engine;
using ModelGate.Onnx.Runtime;

namespace ModelGate.Cli.Tests;

/// <summary>
/// Every example's verdict and reports match the committed files in examples/&lt;name&gt;/expected/, byte for byte, and
/// two runs give the same bytes. The run uses the repository root as working folder and a fixed report folder, so the
/// paths inside the reports are the same on every machine.
/// </summary>
public sealed class ExampleExpectationTests
{
    private static readonly string[] ReportFiles = ["report.md", "comment.md", "report.json", "report.junit.xml", "report.html"];

    public static TheoryData<string> Examples => [.. RepoPaths.ExampleNames];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_reports_match_the_committed_expectations(string example)
    {
        var outDir = $".modelgate-out/examples/{example}";
        var first = await RunAsync(example, outDir);
        var second = await RunAsync(example, outDir);
        foreach (var name in ReportFiles)
        {
            Assert.True(first.Files[name].AsSpan().SequenceEqual(second.Files[name]), $"{example}/{name} is not the same in two runs with the same inputs");
        }

        foreach (var (name, bytes) in first.Files)
        {
            // Machine-specific paths would make the committed reports differ on every clone.
            Assert.DoesNotContain(RepoPaths.Root, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(Path.GetTempPath(), Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }

        using var json = JsonDocument.Parse(first.Files["report.json"]);
        var verdict = json.RootElement.GetProperty("gate").GetProperty("verdict").GetString()!;
        Assert.Equal(verdict == "pass" ? ExitCodes.Passed : ExitCodes.GateFailed, first.ExitCode);
        var files = new Dictionary<string, byte[]>(first.Files, StringComparer.Ordinal) { ["verdict.txt"] = Encoding.UTF8.GetBytes(verdict + "\n") };
        Golden.AssertSameFolder(RepoPaths.Example(example, "expected"), files);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_engine_run_by_itself_writes_the_same_reports_as_the_cli(string example)
    {
        // What tests and benchmarks call: GateRun with the request the CLI builds from its flags and the tests' environment.
        var outDir = $".modelgate-out/examples/{example}";
        var absolute = RepoPaths.Path(outDir);
        if (Directory.Exists(absolute))
        {
            Directory.Delete(absolute, recursive: true);
        }

        using var log = new StringWriter();
        var run = await GateRun.ExecuteAsync(EngineRequest(example, absolute), new RunLog(log), CancellationToken.None);

        Assert.Empty(run.Written.Failures);
        var files = ReportFiles.ToDictionary(n => n, n => File.ReadAllBytes(Path.Combine(absolute, n)), StringComparer.Ordinal);
        using var json = JsonDocument.Parse(files["report.json"]);
        files["verdict.txt"] = Encoding.UTF8.GetBytes(json.RootElement.GetProperty("gate").GetProperty("verdict").GetString() + "\n");
        Golden.AssertSameFolder(RepoPaths.Example(example, "expected"), files);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task The_default_method_gives_the_verdicts_of_the_row_level_bootstrap(string example)
    {
        // statistics.method auto (the default) against bootstrap (today's row-level bootstrap everywhere): the same
        // verdict for every check and the gate, on every example.
        async Task<List<(string Id, string Verdict)>> Verdicts(ModelGate.Core.Plan.StatisticsMethod method)
        {
            var absolute = RepoPaths.Path($".modelgate-out/methods/{example}-{method}");
            using var log = new StringWriter();
            var request = EngineRequest(example, absolute) with
            {
                Formats = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "json" },
                Overrides = new PolicyOverrides { Method = method },
            };
            await GateRun.ExecuteAsync(request, new RunLog(log), CancellationToken.None);
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(absolute, "report.json")));
            Assert.Equal(ModelGate.Reports.Text.CheckFacts.MethodWord(method), json.RootElement.GetProperty("statistics").GetProperty("method").GetString());
            return [("gate", json.RootElement.GetProperty("gate").GetProperty("verdict").GetString()!),
                .. json.RootElement.GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("id").GetString()!, c.GetProperty("verdict").GetString()!))];
        }

        Assert.Equal(await Verdicts(ModelGate.Core.Plan.StatisticsMethod.Bootstrap), await Verdicts(ModelGate.Core.Plan.StatisticsMethod.Auto));
    }

    [Theory]
    [InlineData("breast-cancer", "pass")]
    [InlineData("arrests-fairness", "fail")]
    [InlineData("digits-calibration", "pass")]
    [InlineData("hmda-safety", "fail")]
    [InlineData("slid-regression", "pass")]
    [InlineData("wine-skl2onnx", "pass")]
    [InlineData("wine-pytorch", "fail")]
    [InlineData("diabetes-regression", "pass")]
    public void The_committed_verdict_is_the_intended_one(string example, string intended)
    {
        // The golden files are regenerable; this pins what each example is *meant* to show, so a rewrite cannot change it unnoticed.
        Assert.Equal(intended + "\n", File.ReadAllText(RepoPaths.Example(example, "expected", "verdict.txt")));
    }

    [Fact]
    public void The_committed_reports_say_why_each_example_fails_or_warns()
    {
        // Reads the expected files (the golden test proves the tool writes exactly these), so a careless
        // MODELGATE_UPDATE_GOLDEN rewrite cannot lose what the examples are meant to show.
        byte[] Expected(string example, string name) => File.ReadAllBytes(RepoPaths.Example(example, "expected", name));

        Assert.Contains(FailedCheckIds(Expected("arrests-fairness", "report.json")), id => id is "subgroups" or "fairness");

        Assert.Contains(FailedCheckIds(Expected("hmda-safety", "report.json")), id => id.StartsWith("safety", StringComparison.Ordinal));
        var comment = Encoding.UTF8.GetString(Expected("hmda-safety", "comment.md"));
        foreach (var row in new[] { "161", "391", "464", "508", "586", "650" })
        {
            Assert.Contains(row, comment, StringComparison.Ordinal);
        }

        using var digits = JsonDocument.Parse(Expected("digits-calibration", "report.json"));
        Assert.Contains(digits.RootElement.GetProperty("checks").EnumerateArray(), c =>
            c.GetProperty("id").GetString()!.Contains("calibration", StringComparison.Ordinal)
            && c.GetProperty("verdict").GetString() is "fail" or "inconclusive"
            && c.GetProperty("severity").GetString() == "warning");
    }

    // What the CLI builds from its flags and the tests' environment, for GateRun called directly.
    private static GateRequest EngineRequest(string example, string outDir) => new()
    {
        PolicyPath = RepoPaths.Path($"examples/{example}/modelgate.yml"),
        Now = DateTimeOffset.FromUnixTimeSeconds(long.Parse(CliHarness.SourceDateEpoch, System.Globalization.CultureInfo.InvariantCulture)),
        WorkingDirectory = RepoPaths.Root,
        Runtime = new OnnxRuntimeOptions { BaseDirectory = AppContext.BaseDirectory, CudaProbe = new() { NuGetPackagesFolder = CliHarness.EmptyNuGet } },
        OutDir = outDir,
    };

    private static List<string> FailedCheckIds(byte[] reportJson)
    {
        using var json = JsonDocument.Parse(reportJson);
        return [.. json.RootElement.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("verdict").GetString() == "fail")
            .Select(c => c.GetProperty("id").GetString()!)];
    }

    private static async Task<(int ExitCode, Dictionary<string, byte[]> Files)> RunAsync(string example, string outDir)
    {
        var absolute = RepoPaths.Path(outDir);
        if (Directory.Exists(absolute))
        {
            Directory.Delete(absolute, recursive: true);
        }

        var run = await CliHarness.RunAsync(["check", "--policy", $"examples/{example}/modelgate.yml", "--out", outDir]);
        Assert.True(run.ExitCode is ExitCodes.Passed or ExitCodes.GateFailed, run.ToString());
        var files = ReportFiles.ToDictionary(n => n, n => File.ReadAllBytes(Path.Combine(absolute, n)), StringComparer.Ordinal);
        return (run.ExitCode, files);
    }
}
