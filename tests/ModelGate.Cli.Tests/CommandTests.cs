using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>init, inspect and validate, in-process.</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task Init_writes_a_policy_that_validates_and_runs()
    {
        using var scratch = new TempFolder("cli");
        var policy = scratch.File("ci/modelgate.yml");
        var init = await CliHarness.RunAsync(["init", "--model", RepoPaths.Fixture("models", "mlp_breast_cancer_retrained.onnx"),
            "--baseline", RepoPaths.Fixture("models", "mlp_breast_cancer.onnx"), "--holdout", RepoPaths.Fixture("data", "breast_cancer.holdout.csv"), "--out", policy]);
        Assert.True(init.ExitCode == ExitCodes.Passed, init.ToString());
        Assert.Contains("task binary", init.Out, StringComparison.Ordinal);
        var yaml = File.ReadAllText(policy);
        Assert.Contains("task: binary", yaml, StringComparison.Ordinal);
        Assert.Contains("mlp_breast_cancer_retrained.onnx", yaml, StringComparison.Ordinal);

        // The scratch folder is no repository and the fixtures are outside it: only a trusted policy may point there.
        var refused = await CliHarness.RunAsync(["validate", "--policy", policy]);
        Assert.True(refused.ExitCode == ExitCodes.UsageOrPolicyError, refused.ToString());
        Assert.Contains("or pass --allow-outside-root", refused.Error, StringComparison.Ordinal);

        var validate = await CliHarness.RunAsync(["validate", "--policy", policy, "--allow-outside-root"]);
        Assert.True(validate.ExitCode == ExitCodes.Passed, validate.ToString() + "\n--- policy\n" + yaml);
        Assert.Contains(": valid (", validate.Out, StringComparison.Ordinal);

        var check = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "json", "--allow-outside-root"]);
        Assert.True(check.ExitCode is ExitCodes.Passed or ExitCodes.GateFailed, check.ToString() + "\n--- policy\n" + yaml);

        var again = await CliHarness.RunAsync(["init", "--model", RepoPaths.Fixture("models", "mlp_breast_cancer.onnx"), "--holdout", RepoPaths.Fixture("data", "breast_cancer.holdout.csv"), "--out", policy]);
        Assert.Equal(ExitCodes.UsageOrPolicyError, again.ExitCode);
        Assert.Contains("--force", again.Error, StringComparison.Ordinal);
        Assert.Equal(yaml, File.ReadAllText(policy));
    }

    [Fact]
    public async Task Init_guesses_regression_for_a_one_number_output()
    {
        using var scratch = new TempFolder("cli");
        var policy = scratch.File("modelgate.yml");
        var init = await CliHarness.RunAsync(["init", "--model", RepoPaths.Fixture("models", "regressor_slid.onnx"), "--holdout", RepoPaths.Fixture("data", "slid.holdout.csv"), "--label", "wages", "--out", policy]);
        Assert.True(init.ExitCode == ExitCodes.Passed, init.ToString());
        Assert.Contains("task: regression", File.ReadAllText(policy), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_lists_inputs_outputs_and_the_output_it_would_score()
    {
        var run = await CliHarness.RunAsync(["inspect", "examples/digits-calibration/models/candidate.onnx"]);
        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        var text = run.Out;
        var inputs = text.IndexOf("\ninputs:\n", StringComparison.Ordinal);
        var outputs = text.IndexOf("\noutputs:\n", StringComparison.Ordinal);
        Assert.True(inputs > 0 && outputs > inputs, text);
        Assert.Matches(@"(?m)^  \S+: ", text[inputs..outputs]);
        Assert.Contains("scores for a multiclass task: ", text, StringComparison.Ordinal);
        Assert.Contains("scores for a binary task: ", text, StringComparison.Ordinal);
        Assert.Contains("scores for a regression task: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("scores for a multiclass task: none", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_of_a_missing_model_is_a_model_error()
    {
        var run = await CliHarness.RunAsync(["inspect", "examples/nope.onnx"]);
        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_print_shows_the_resolved_policy_which_validates_again()
    {
        var run = await CliHarness.RunAsync(["validate", "--policy", "examples/breast-cancer/modelgate.yml", "--print"]);
        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        Assert.Contains("roc_auc", run.Out, StringComparison.Ordinal);
        Assert.Contains("resamples: 1000", run.Out, StringComparison.Ordinal);

        // The printed policy is a policy: it validates where the original lives (its paths are resolved or relative to it).
        using var scratch = new TempFolder("cli");
        var copy = Path.Combine(RepoPaths.Example("breast-cancer"), $".printed-{Guid.NewGuid():N}.yml");
        try
        {
            File.WriteAllText(copy, run.Out);
            var again = await CliHarness.RunAsync(["validate", "--policy", copy]);
            Assert.True(again.ExitCode == ExitCodes.Passed, again.ToString() + "\n--- printed\n" + run.Out);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task Validate_of_every_example_passes()
    {
        foreach (var example in RepoPaths.ExampleNames)
        {
            var run = await CliHarness.RunAsync(["validate", "--policy", $"examples/{example}/modelgate.yml"]);
            Assert.True(run.ExitCode == ExitCodes.Passed, example + ": " + run);
            Assert.StartsWith($"examples/{example}/modelgate.yml: valid (", run.Out, StringComparison.Ordinal);
        }
    }
}
