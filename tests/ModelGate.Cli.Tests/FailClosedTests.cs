using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>
/// The gate never passes a model it could not judge: each case here exited 0 with a PASS before (issue "Fail closed").
/// They run `check` end to end on the breast-cancer fixture networks through real ONNX Runtime.
/// </summary>
public sealed class FailClosedTests
{
    private static string Setup(TempFolder scratch, string candidate, string checks, string models = "", string holdout = "breast_cancer.holdout.csv", string baseline = "mlp_breast_cancer")
    {
        Directory.CreateDirectory(scratch.File("models"));
        File.Copy(RepoPaths.Fixture("models", candidate + ".onnx"), scratch.File("models/candidate.onnx"));
        File.Copy(RepoPaths.Fixture("models", baseline + ".onnx"), scratch.File("models/baseline.onnx"));
        File.Copy(RepoPaths.Fixture("data", holdout), scratch.File("holdout.csv"));
        return scratch.Write("modelgate.yml", $"""
            version: 1
            task: binary
            models:
              candidate: models/candidate.onnx
              baseline: models/baseline.onnx
            {models}
            data:
              holdout: holdout.csv
              label: target
              inputs:
                input: "*_*"
            statistics:
              resamples: 200
            checks:
            {checks}
            """);
    }

    private static Task<CliRun> Check(TempFolder scratch, params string[] extra) =>
        CliHarness.RunAsync(["check", "--policy", scratch.File("modelgate.yml"), "--out", scratch.File("out"), .. extra], scratch.Path);

    private static string Comment(TempFolder scratch) => File.ReadAllText(scratch.File("out/comment.md"));

    [Fact]
    public async Task A_candidate_that_scores_nan_on_every_row_fails()
    {
        using var scratch = new TempFolder("cli");
        Setup(scratch, "all_nan_breast_cancer", "  - metric: roc_auc\n    max_drop: 0.01");
        var run = await Check(scratch);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches("(?m)^FAIL +scores_valid", run.Out);
        Assert.Contains("171 of 171 holdout rows (100%)", Comment(scratch), StringComparison.Ordinal);
        Assert.Contains("no holdout row has finite candidate scores", Comment(scratch), StringComparison.Ordinal);
        Assert.DoesNotContain("✅", Comment(scratch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logits_named_probabilities_are_read_as_logits_and_said_so()
    {
        using var scratch = new TempFolder("cli");
        Setup(scratch, "logits_named_probabilities", "  - calibration: { metric: ece, at_most: 0.2 }");
        var run = await Check(scratch);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("detected logits", run.Error, StringComparison.Ordinal);
        var json = File.ReadAllText(scratch.File("out/report.json"));

        // The same network with its softmax: its ECE must be an ordinary calibration error, not the 12.9 of logits read as probabilities.
        var ece = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("checks").EnumerateArray()
            .First(c => c.GetProperty("id").GetString() == "calibration").GetProperty("candidate").GetProperty("value").GetDouble();
        Assert.InRange(ece, 0, 0.2);
    }

    [Fact]
    public async Task Declared_probabilities_that_are_not_stop_with_exit_3_and_the_fix()
    {
        using var scratch = new TempFolder("cli");
        Setup(scratch, "sum_1_3_breast_cancer", "  - metric: roc_auc\n    max_drop: 0.01", models: "  scores: probabilities");
        var run = await Check(scratch);
        Assert.True(run.ExitCode == 3, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("candidate.onnx", line, StringComparison.Ordinal);
        Assert.Matches("sums to 1\\.3", line);
        Assert.Contains("scores: logits", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_likely_regression_fails_even_when_the_interval_straddles_the_bound()
    {
        // The degraded network is 0.031 AUC below the baseline; with max_drop 0.03 its interval straddles the bound.
        using var scratch = new TempFolder("cli");
        Setup(scratch, "mlp_breast_cancer_degraded", "  - metric: roc_auc\n    max_drop: 0.03");
        var run = await Check(scratch);
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("likely regression", Comment(scratch), StringComparison.Ordinal);
        Assert.StartsWith("## ❌", Comment(scratch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inconclusive_check_within_the_bound_warns_and_fails_with_fail_on_warning()
    {
        // The original network is 0.0035 AUC below its retrained copy (paired interval about [-0.0095, -0.0003]): within
        // max_drop 0.005, but 171 rows cannot confirm that, so the interval straddles the bound with the estimate inside it.
        using var scratch = new TempFolder("cli");
        Setup(scratch, "mlp_breast_cancer", "  - metric: roc_auc\n    max_drop: 0.005", baseline: "mlp_breast_cancer_retrained");
        var lenient = await Check(scratch);
        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.StartsWith("## ⚠️ ModelGate: PASS", Comment(scratch), StringComparison.Ordinal);
        Assert.DoesNotContain("✅", Comment(scratch), StringComparison.Ordinal);
        Assert.Contains("smallest detectable", lenient.Error, StringComparison.Ordinal);

        var strict = await Check(scratch, "--fail-on", "warning");
        Assert.True(strict.ExitCode == 1, strict.ToString());
    }
}
