using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>
/// Ordinary mistakes on the command line and in the run's surroundings: one line in the user's words with the fix,
/// no .NET type name or stack trace, and found before any model runs (each of these used to fail after PASS was printed,
/// print a type such as <c>System.Nullable`1[System.UInt64]</c>, or crash with a trace).
/// </summary>
public sealed class UsageErrorTests
{
    private static readonly string Policy = RepoPaths.Example("breast-cancer", "modelgate.yml");

    public static TheoryData<string[], int, string> Cases => new()
    {
        { ["--batch-size", "0"], 2, "modelgate: --batch-size must be a whole number from 1 to 1,048,576; got '0'" },
        { ["--batch-size", "1e3"], 2, "modelgate: --batch-size must be a whole number from 1 to 1,048,576; got '1e3'" },
        { ["--seed", "abc"], 2, "modelgate: --seed must be a whole number from 0 to 18,446,744,073,709,551,615; got 'abc'" },
        { ["--seed", "-1"], 2, "modelgate: --seed must be a whole number" },
        { ["--resamples", "x"], 2, "modelgate: --resamples must be a whole number from 1 to 1,000,000; got 'x'" },
        { ["--fail-on", "bogus"], 2, "modelgate: --fail-on must be one of error, warning, never; got 'bogus'" },
        { ["--pr", "-3"], 2, "modelgate: --pr must be a whole number from 1 to 2,147,483,647; got '-3'" },
        { ["--github-timeout", "soon"], 2, "modelgate: --github-timeout must be a whole number from 1 to 86,400; got 'soon'" },
        { ["--format", ""], 2, "modelgate: --format is empty: name at least one report format" },
        { ["--format", " , "], 2, "modelgate: --format is empty" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_flag_value_is_one_line_with_the_range_and_no_dotnet_type(string[] flags, int exitCode, string message)
    {
        using var scratch = new TempFolder("cli");
        var run = await CliHarness.RunAsync(["check", "--policy", Policy, "--out", scratch.File("out"), .. flags], RepoPaths.Root);
        AssertUsageError(run, exitCode, message);
        Assert.False(Directory.Exists(scratch.File("out")) && Directory.EnumerateFiles(scratch.File("out")).Any(), "no report may be written");
    }

    [Fact]
    public async Task Fail_on_accepts_any_case()
    {
        using var scratch = new TempFolder("cli");
        var run = await CliHarness.RunAsync(["check", "--policy", Policy, "--out", scratch.File("out"), "--fail-on", "Warning", "--format", "json"], RepoPaths.Root);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
    }

    [Fact]
    public async Task An_empty_out_folder_is_refused_before_the_models_run()
    {
        var run = await CliHarness.RunAsync(["check", "--policy", Policy, "--out", ""], RepoPaths.Root);
        AssertUsageError(run, 2, "modelgate: --out is empty: name the report folder, e.g. --out modelgate-report.");
    }

    [Fact]
    public async Task An_unwritable_out_folder_is_an_environment_error_before_the_models_run()
    {
        using var scratch = new TempFolder("cli");
        var file = scratch.Write("taken", "a file where the folder should be");
        var run = await CliHarness.RunAsync(["check", "--policy", Policy, "--out", Path.Combine(file, "reports")], RepoPaths.Root);
        AssertUsageError(run, 4, "cannot write the report");
        Assert.Contains("Fix: pass --out with a folder you can write to", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_summary_path_that_is_a_folder_is_a_setup_error_before_the_models_run()
    {
        using var scratch = new TempFolder("cli");
        var run = await CliHarness.RunAsync(["check", "--policy", Policy, "--out", scratch.File("out"), "--github-summary-only"], RepoPaths.Root,
            new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = scratch.Path });
        AssertUsageError(run, 2, $"modelgate: GITHUB_STEP_SUMMARY '{scratch.Path}' is a folder; it must name a file");
    }

    [Fact]
    public async Task A_pr_comment_without_a_token_is_a_setup_error_before_the_models_run()
    {
        using var scratch = new TempFolder("cli");
        var run = await CliHarness.RunAsync(["check", "--policy", Policy, "--out", scratch.File("out"), "--github"], RepoPaths.Root,
            new Dictionary<string, string> { ["GITHUB_EVENT_NAME"] = "pull_request", ["GITHUB_TOKEN"] = string.Empty });
        AssertUsageError(run, 2, "modelgate: --github posts a PR comment but there is no token: set GITHUB_TOKEN");
    }

    private static void AssertUsageError(CliRun run, int exitCode, string message)
    {
        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.StartsWith(message.StartsWith("modelgate: ", StringComparison.Ordinal) ? message : "modelgate: ", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.Contains(message, run.ErrorLines[0], StringComparison.Ordinal);
        Assert.All(run.ErrorLines.Skip(1), l => Assert.StartsWith("Run 'dotnet modelgate --help'", l, StringComparison.Ordinal));
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ModelGate.Cli", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        // Found before the models ran: no ONNX Runtime step, no verdict.
        Assert.DoesNotContain("ONNX Runtime", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("PASS", run.Out, StringComparison.Ordinal);
    }
}
