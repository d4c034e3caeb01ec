using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>Exit codes and messages, run in-process (no child process): what a pipeline branches on.</summary>
public sealed class ProgramTests
{
    private static void AssertOneLineError(CliRun run, string mustContain)
    {
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
        var errors = run.ErrorLines.Where(l => l.StartsWith("modelgate: ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count >= 1, run.ToString());
        Assert.Contains(errors, l => l.Contains(mustContain, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_passing_gate_exits_0()
    {
        using var scratch = new TempFolder("cli");
        var run = await CliHarness.RunAsync(["check", "--policy", "examples/breast-cancer/modelgate.yml", "--out", scratch.Path, "--format", "json"]);
        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        Assert.StartsWith("ModelGate: PASS", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(scratch.File("report.json")));
    }

    [Fact]
    public async Task A_failing_gate_exits_1_and_names_the_flipped_rows()
    {
        using var scratch = new TempFolder("cli");
        var run = await CliHarness.RunAsync(["check", "--policy", "examples/hmda-safety/modelgate.yml", "--out", scratch.Path, "--format", "md"]);
        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
        Assert.StartsWith("ModelGate: FAIL", run.Out, StringComparison.Ordinal);
        var report = File.ReadAllText(scratch.File("report.md"));
        foreach (var row in new[] { "161", "391", "464", "508", "586", "650" })
        {
            Assert.Contains(row, report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Fail_on_warning_turns_a_calibration_warning_into_exit_1()
    {
        using var scratch = new TempFolder("cli");
        var normal = await CliHarness.RunAsync(["check", "--policy", "examples/digits-calibration/modelgate.yml", "--out", scratch.File("a"), "--format", "json"]);
        Assert.True(normal.ExitCode == ExitCodes.Passed, normal.ToString());
        var strict = await CliHarness.RunAsync(["check", "--policy", "examples/digits-calibration/modelgate.yml", "--out", scratch.File("b"), "--format", "json", "--fail-on", "warning"]);
        Assert.True(strict.ExitCode == ExitCodes.GateFailed, strict.ToString());
    }

    [Fact]
    public async Task Fail_on_never_reports_a_failing_gate_but_exits_0()
    {
        using var scratch = new TempFolder("cli");
        var run = await CliHarness.RunAsync(["check", "--policy", "examples/hmda-safety/modelgate.yml", "--out", scratch.Path, "--format", "json", "--fail-on", "never"]);
        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        Assert.Contains("FAIL", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"verdict\": \"fail\"", File.ReadAllText(scratch.File("report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_flag_is_a_usage_error()
    {
        var run = await CliHarness.RunAsync(["check", "--no-such-flag"]);
        Assert.Equal(ExitCodes.UsageOrPolicyError, run.ExitCode);
        AssertOneLineError(run, "--no-such-flag");
    }

    [Fact]
    public async Task An_unknown_format_is_a_usage_error()
    {
        using var scratch = new TempFolder("cli");
        var run = await CliHarness.RunAsync(["check", "--policy", "examples/breast-cancer/modelgate.yml", "--out", scratch.Path, "--format", "md,pdf"]);
        Assert.Equal(ExitCodes.UsageOrPolicyError, run.ExitCode);
        AssertOneLineError(run, "'pdf'");
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task A_bad_fail_on_value_is_a_usage_error()
    {
        var run = await CliHarness.RunAsync(["check", "--fail-on", "sometimes"]);
        Assert.Equal(ExitCodes.UsageOrPolicyError, run.ExitCode);
        AssertOneLineError(run, "sometimes");
    }

    [Fact]
    public async Task A_missing_policy_file_is_a_usage_error_that_suggests_init()
    {
        using var scratch = new TempFolder("cli");
        var run = await CliHarness.RunAsync(["check"], workingDirectory: scratch.Path);
        Assert.Equal(ExitCodes.UsageOrPolicyError, run.ExitCode);
        AssertOneLineError(run, "policy file not found: modelgate.yml");
        Assert.Contains("init", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_policy_is_a_policy_error_with_its_line()
    {
        using var scratch = new TempFolder("cli");
        scratch.Write("modelgate.yml", "version: 1\ntask: binary\nmodels:\n  candidate: c.onnx\ndata:\n  holdout: h.csv\n  label: y\nchecks:\n  - metric: roc_auc\n    at_leest: 0.9\n");
        var run = await CliHarness.RunAsync(["check"], workingDirectory: scratch.Path);
        Assert.True(run.ExitCode == ExitCodes.UsageOrPolicyError, run.ToString());
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Contains("at_leest", run.Error, StringComparison.Ordinal);
        Assert.Contains(":10", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_numeric_holdout_value_is_a_data_error_with_its_row()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "breast-cancer");
        var holdout = scratch.File("data/holdout.csv");
        var lines = File.ReadAllLines(holdout);
        var cells = lines[3].Split(',');
        cells[0] = "twelve";
        lines[3] = string.Join(',', cells);
        File.WriteAllLines(holdout, lines);

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out")], workingDirectory: scratch.Path);
        Assert.True(run.ExitCode == ExitCodes.InputError, run.ToString());
        // The message names the file and column (it does not name the row or the value: reported to the Data owner).
        AssertOneLineError(run, "column 'mean_radius'");
        Assert.Contains("holdout.csv", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch.File("out")), "no report for a run that could not judge");
    }

    [Fact]
    public async Task A_missing_model_file_is_a_model_error()
    {
        using var scratch = new TempFolder("cli");
        var run = await CliHarness.RunAsync(["check", "--policy", "examples/breast-cancer/modelgate.yml", "--candidate", scratch.File("nope.onnx"), "--out", scratch.File("out")]);
        Assert.True(run.ExitCode == ExitCodes.InputError, run.ToString());
        AssertOneLineError(run, "nope.onnx");
    }

    [Fact]
    public async Task An_onnxruntime_folder_without_the_library_is_an_environment_error()
    {
        using var scratch = new TempFolder("cli");
        var empty = Directory.CreateDirectory(scratch.File("ort")).FullName;
        var run = await CliHarness.RunAsync(["check", "--policy", "examples/breast-cancer/modelgate.yml", "--onnxruntime", empty, "--out", scratch.File("out")]);
        Assert.True(run.ExitCode == ExitCodes.EnvironmentError, run.ToString());
        AssertOneLineError(run, "ort");
    }

    [Fact]
    public async Task Version_prints_ModelGate_and_the_loaded_ONNX_Runtime()
    {
        var run = await CliHarness.RunAsync(["--version"]);
        Assert.Equal(ExitCodes.Passed, run.ExitCode);
        Assert.Matches(@"^ModelGate \d+\.\d+\.\d+", run.Out);
        Assert.Contains($"ONNX Runtime {RepoPaths.OrtVersion} CPU build (bundled with ModelGate", run.Out, StringComparison.Ordinal);
        Assert.Contains($"CUDA: not used: no CUDA build of ONNX Runtime", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("check")]
    [InlineData("validate")]
    [InlineData("inspect")]
    [InlineData("init")]
    [InlineData("comment")]
    public async Task Help_for_every_command_exits_0_and_shows_an_example(string command)
    {
        string[] args = command.Length == 0 ? ["--help"] : [command, "--help"];
        var run = await CliHarness.RunAsync(args);
        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        Assert.Contains("Example", run.Out, StringComparison.Ordinal);
        Assert.Contains("dotnet modelgate " + command, run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }
}
