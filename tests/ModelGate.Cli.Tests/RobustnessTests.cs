using System.Text.Json;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>
/// The robustness check end to end: real models through ONNX Runtime on perturbed copies of real holdouts, every report
/// format, the same numbers from the same seed, and one-line errors for a perturbation the models cannot take.
/// </summary>
public sealed class RobustnessTests
{
    [Fact]
    public async Task The_fragile_forest_fails_on_its_flip_rate_in_every_format_and_names_its_least_stable_groups()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "noise-robustness");

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "md,json,junit,html,openmetrics"], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
        var check = Check(scratch.File("out/report.json"), "robustness");
        Assert.Equal("fail", check.GetProperty("verdict").GetString());
        var r = check.GetProperty("robustness");
        var candidate = r.GetProperty("candidate").GetProperty("flipRate").GetProperty("value").GetDouble();
        var baseline = r.GetProperty("baseline").GetProperty("flipRate").GetProperty("value").GetDouble();
        Assert.True(candidate > 3 * baseline, $"candidate {candidate}, baseline {baseline}");
        Assert.True(r.GetProperty("candidate").GetProperty("drop").GetProperty("lower").GetDouble() > 0.03);
        Assert.Equal("train", r.GetProperty("scaleFrom").GetString());
        Assert.Equal(4, r.GetProperty("worstGroups").GetArrayLength());
        Assert.Contains("### Robustness", File.ReadAllText(scratch.File("out/report.md")), StringComparison.Ordinal);
        Assert.Contains("Least stable groups", File.ReadAllText(scratch.File("out/report.html")), StringComparison.Ordinal);
        Assert.Contains("name=\"robustness: Robustness under perturbation\"", File.ReadAllText(scratch.File("out/report.junit.xml")), StringComparison.Ordinal);
        Assert.Contains("modelgate_robustness_flip_rate{", File.ReadAllText(scratch.File("out/report.prom")), StringComparison.Ordinal);
        Assert.Contains("robustness 'robustness': 5 perturbed copies", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_numbers_and_another_seed_other_ones()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "noise-robustness");
        var first = await Robustness(scratch, policy, "a");
        var again = await Robustness(scratch, policy, "b");
        File.WriteAllText(policy, File.ReadAllText(policy).Replace("      seed: 20261207", "      seed: 7", StringComparison.Ordinal));
        var other = await Robustness(scratch, policy, "c");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Swaps_dropout_and_noise_on_named_inputs_all_reach_the_models()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "arrests-fairness");
        AddCheck(policy, """
              - robustness:
                  perturbations:
                    - noise: { scale: 0.05, features: [age, checks] }
                    - dropout: { share: 0.2, to: mean, features: [year] }
                    - swap: { probability: 0.5, features: [colour_white] }
                  repeats: 2
                  flip_rate: { at_most: 0.9 }

            """);

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "json"], scratch.Path);

        var r = Check(scratch.File("out/report.json"), "robustness").GetProperty("robustness");
        Assert.Equal(["Gaussian noise 0.05 SD on age, checks", "dropout 20% to the mean on year", "categorical swap p = 0.5 on colour_white"],
            r.GetProperty("perturbations").EnumerateArray().Select(p => p.GetString()));
        Assert.InRange(r.GetProperty("candidate").GetProperty("flipRate").GetProperty("value").GetDouble(), 0.01, 0.9);
        Assert.Equal("colour", r.GetProperty("worstGroups")[0].GetProperty("slice").GetString().AsSpan(0, 6).ToString());
        Assert.True(run.ExitCode is ExitCodes.GateFailed or ExitCodes.Passed, run.ToString());
    }

    [Fact]
    public async Task Text_inputs_are_swapped_between_observed_values_and_the_models_see_it()
    {
        using var scratch = new TempFolder("cli");
        File.Copy(RepoPaths.Fixture("models", "per_column_arrests.onnx"), scratch.File("model.onnx"));
        File.Copy(RepoPaths.Fixture("data", "arrests.holdout.csv"), scratch.File("holdout.csv"));
        File.WriteAllText(scratch.File("modelgate.yml"), """
            version: 1
            task: binary
            models: { candidate: model.onnx }
            data:
              holdout: holdout.csv
              label: released
              inputs: { per_column: true }
            checks:
              - robustness:
                  perturbations: [{ swap: { probability: 1, features: [employed, citizen] } }]
                  repeats: 1
                  flip_rate: { at_most: 0.01 }

            """);

        var run = await CliHarness.RunAsync(["check", "--policy", scratch.File("modelgate.yml"), "--out", scratch.File("out"), "--format", "json"], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
        var r = Check(scratch.File("out/report.json"), "robustness").GetProperty("robustness");
        Assert.InRange(r.GetProperty("candidate").GetProperty("flipRate").GetProperty("value").GetDouble(), 0.05, 0.5);
        Assert.Equal("holdout", r.GetProperty("scaleFrom").GetString());
    }

    [Fact]
    public async Task A_regression_flip_is_a_move_beyond_the_tolerance_and_the_drop_is_in_MAE()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "slid-regression");
        File.AppendAllText(policy, "  - robustness: { perturbations: [{ noise: { scale: 0.2 } }], repeats: 2, tolerance: 0.5, metric_drop: { at_most: 5 } }\n");

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "json"], scratch.Path);

        var check = Check(scratch.File("out/report.json"), "robustness");
        var r = check.GetProperty("robustness");
        Assert.Equal("MAE", r.GetProperty("metric").GetString());
        Assert.Equal(0.5, r.GetProperty("tolerance").GetDouble());
        Assert.InRange(r.GetProperty("candidate").GetProperty("flipRate").GetProperty("value").GetDouble(), 0.01, 1);
        Assert.Equal("pass", check.GetProperty("verdict").GetString());
        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
    }

    [Fact]
    public async Task Noise_on_a_column_no_model_reads_is_a_one_line_policy_error()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "arrests-fairness");
        AddCheck(policy, "  - robustness: { perturbations: [{ noise: { scale: 0.1, features: [colour] } }], flip_rate: { at_most: 0.1 } }\n");

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "json"], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.UsageOrPolicyError, run.ToString());
        var error = Assert.Single(run.ErrorLines);
        Assert.Contains("robustness 'robustness' perturbs 'colour', which no model reads; perturb model inputs only", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Per_slice_the_same_copies_are_judged_on_every_group_and_the_groups_add_up_to_the_whole()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "noise-robustness");
        File.WriteAllText(policy, File.ReadAllText(policy).Replace("  - robustness:\n", "  - robustness:\n      slices: [owner]\n", StringComparison.Ordinal));

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "md,json"], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
        var check = Check(scratch.File("out/report.json"), "robustness");
        Assert.Contains("per slice:", check.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var groups = check.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["no", "yes"], groups.Select(g => g.GetProperty("group").GetString()).Order());
        Assert.All(groups, g => Assert.Equal("fail", g.GetProperty("verdict").GetString()));

        // Each group's flip rate is its rows' share of the same copies: they are the least-stable-groups figures, and
        // weighted by rows they give the whole holdout's flip rate.
        var worst = check.GetProperty("robustness").GetProperty("worstGroups").EnumerateArray()
            .Where(g => g.GetProperty("slice").GetString() == "owner")
            .ToDictionary(g => g.GetProperty("group").GetString()!, g => g.GetProperty("candidateFlipRate").GetDouble());
        var rows = 0;
        var flips = 0.0;
        foreach (var g in groups)
        {
            var rate = g.GetProperty("candidate").GetProperty("value").GetDouble();
            Assert.Equal(worst[g.GetProperty("group").GetString()!], rate, 12);
            rows += g.GetProperty("support").GetInt32();
            flips += rate * g.GetProperty("support").GetInt32();
        }

        var overall = check.GetProperty("robustness").GetProperty("candidate").GetProperty("flipRate").GetProperty("value").GetDouble();
        Assert.Equal(overall, flips / rows, 12);
        Assert.Contains("Checks per slice", File.ReadAllText(scratch.File("out/report.md")), StringComparison.Ordinal);
    }

    // The check goes at the end of the checks list, before a 'report:' section if the policy has one.
    internal static void AddCheck(string policy, string check)
    {
        var text = File.ReadAllText(policy);
        var at = text.IndexOf("\nreport:", StringComparison.Ordinal);
        File.WriteAllText(policy, at < 0 ? text + check : text[..at] + "\n" + check.TrimEnd('\n') + text[at..]);
    }

    private static async Task<string> Robustness(TempFolder scratch, string policy, string outDir)
    {
        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File(outDir), "--format", "json"], scratch.Path);
        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
        return Check(scratch.File(outDir, "report.json"), "robustness").GetProperty("robustness").GetRawText();
    }

    internal static JsonElement Check(string report, string id)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        return json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).Clone();
    }
}
