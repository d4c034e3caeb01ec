using System.Text.Json;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>The train sample is read like the holdout, for what the generalization gap uses: the model inputs and the label.</summary>
public sealed class TrainSampleTests
{
    [Fact]
    public async Task A_train_sample_without_the_slice_columns_is_enough_for_the_generalization_gap()
    {
        using var full = new TempFolder("cli");
        using var trimmed = new TempFolder("cli");
        var fullPolicy = ExampleCopy.Into(full, "slid-regression");
        var trimmedPolicy = ExampleCopy.Into(trimmed, "slid-regression");
        // 'language' is a slice column: the holdout needs it, the train sample does not.
        await DropColumn(trimmed.File("data/train.csv"), "language");

        var expected = await CliHarness.RunAsync(["check", "--policy", fullPolicy, "--out", full.File("out"), "--format", "json"], full.Path);
        var run = await CliHarness.RunAsync(["check", "--policy", trimmedPolicy, "--out", trimmed.File("out"), "--format", "json"], trimmed.Path);

        Assert.True(run.ExitCode == expected.ExitCode, run.Error);
        Assert.Equal(ExitCodes.Passed, run.ExitCode);
        Assert.Contains("train rows for the generalization gap", run.Error, StringComparison.Ordinal);
        Assert.Equal(Gap(full.File("out/report.json")), Gap(trimmed.File("out/report.json")));
    }

    [Fact]
    public async Task A_train_sample_without_a_model_input_is_a_located_policy_error()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "slid-regression");
        await DropColumn(scratch.File("data/train.csv"), "age");

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "json"], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.UsageOrPolicyError, run.ToString());
        var error = Assert.Single(run.ErrorLines);
        Assert.Contains("age", error, StringComparison.Ordinal);
        Assert.Contains("train sample", error, StringComparison.Ordinal);
    }

    private static async Task DropColumn(string csv, string column)
    {
        var lines = await File.ReadAllLinesAsync(csv);
        var at = Array.IndexOf(lines[0].Split(','), column);
        Assert.True(at >= 0, column);
        await File.WriteAllLinesAsync(csv, lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != at))));
    }

    private static string Gap(string report)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var gap = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "generalization_gap");
        return gap.GetProperty("verdict").GetString() + " " + gap.GetProperty("reason").GetString() + " " + gap.GetProperty("candidate").GetRawText();
    }
}
