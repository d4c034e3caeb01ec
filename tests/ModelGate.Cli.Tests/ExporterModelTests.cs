using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>
/// `check` and `inspect` on models shaped as other exporters make them (tests/fixtures/models/make_tensor_fixtures.py):
/// each gets a verdict, and what the user reads first (the runtime line, ORT's warnings, inspect's reading) is short
/// and said once.
/// </summary>
public sealed class ExporterModelTests
{
    private static string Policy(TempFolder scratch, string task, string candidate, string baseline, string holdout, string inputs, string check)
    {
        var path = scratch.File("modelgate.yml");
        File.WriteAllText(path, $"""
            version: 1
            task: {task}
            models:
              candidate: {RepoPaths.Model(candidate)}
              baseline: {RepoPaths.Model(baseline)}
            data:
              holdout: {RepoPaths.Fixture("data", holdout)}
              label: target
            {inputs}
            checks:
              - {check}
            """);
        return path;
    }

    private static Task<CliRun> Check(TempFolder scratch, string policy) =>
        CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "json", "--allow-outside-root"]);

    [Theory]
    [InlineData("fixed_batch4_breast_cancer")]
    [InlineData("fp16_breast_cancer")]
    [InlineData("fp64_breast_cancer")]
    [InlineData("row_output_breast_cancer")]
    public async Task A_binary_candidate_from_another_exporter_gets_a_verdict(string candidate)
    {
        using var scratch = new TempFolder("cli");
        var policy = Policy(scratch, "binary", candidate, "mlp_breast_cancer", "breast_cancer.holdout.csv", "", "metric: roc_auc\n    at_least: 0.95");

        var run = await Check(scratch, policy);

        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        Assert.Contains("read 171 holdout rows", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reshape_digits", "  inputs:\n    pixels: { columns: \"p*\", shape: [8, 8] }")]
    [InlineData("reshape_digits", "  inputs:\n    pixels: \"p*\"")]
    [InlineData("cnn_digits", "  inputs:\n    pixels: \"p*\"")]
    public async Task Pixel_columns_fill_a_two_or_three_dimensional_input_with_or_without_a_shape(string candidate, string inputs)
    {
        using var scratch = new TempFolder("cli");
        var baseline = candidate == "cnn_digits" ? "reshape_digits" : "cnn_digits";
        var policy = Policy(scratch, "multiclass", candidate, baseline, "digits.holdout.csv", inputs, "metric: accuracy\n    at_least: 0.9");

        var run = await Check(scratch, policy);

        Assert.True(run.ExitCode is ExitCodes.Passed or ExitCodes.GateFailed, run.ToString());
        Assert.Contains("read 540 holdout rows", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_line_on_a_machine_without_the_cuda_build_is_short_and_onnx_runtime_warns_once()
    {
        using var scratch = new TempFolder("cli");
        var policy = Policy(scratch, "binary", "opset1_breast_cancer", "opset1_breast_cancer", "breast_cancer.holdout.csv", "", "metric: roc_auc\n    at_least: 0.5");

        var run = await Check(scratch, policy);

        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var first = lines.First(l => l.StartsWith("[modelgate", StringComparison.Ordinal));
        Assert.EndsWith("device cpu via CPUExecutionProvider: no CUDA build installed (dotnet modelgate gpu status)", first, StringComparison.Ordinal);
        Assert.DoesNotContain(".nuget", first, StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("modelgate: warning: ONNX Runtime: ONNX Runtime only *guarantees* support for models stamped with opset version 7", StringComparison.Ordinal));
        Assert.DoesNotContain("Transpose optimizer", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reshape_digits", "task: multiclass, as init would infer it: output 'probabilities' has 10 columns", "reading: output 'probabilities' as probabilities, because 'probabilities' is named like class probabilities (float32[N,10])")]
    [InlineData("row_output_breast_cancer", "task: decided by the label's values (init reads them): output 'probability' is one number per row", "reading: output 'probability' as probabilities, because 'probability' is named like class probabilities (float32[1,N])")]
    [InlineData("regressor_slid", "task: decided by the label's values (init reads them): output 'variable' is one number per row", "reading: output 'variable' as regression, because 'variable' is named like a regression output (float32[N,1])")]
    public async Task Inspect_names_the_task_init_would_infer_and_the_reading_check_would_use(string stem, string task, string reading)
    {
        var run = await CliHarness.RunAsync(["inspect", RepoPaths.Model(stem)]);

        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        var lines = run.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith(task, StringComparison.Ordinal));
        Assert.Contains(reading, lines);
        Assert.True(Array.FindIndex(lines, l => l.StartsWith("reading: ", StringComparison.Ordinal)) < Array.FindIndex(lines, l => l.StartsWith("scores for a binary task", StringComparison.Ordinal)), run.Out);
    }
}
