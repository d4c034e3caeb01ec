using System.Text.Json;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>
/// Robustness on image and text inputs end to end: real PNGs and WordPiece texts perturbed on the way into the real
/// models, the same numbers from the same seed, and a zero perturbation that flips nothing.
/// </summary>
public sealed class MediaRobustnessTests
{
    [Fact]
    public async Task Noise_and_brightness_on_the_digit_scans_flip_predictions_reproducibly_and_a_zero_shift_flips_none()
    {
        var (r, unchanged) = await Twice("digits-images", ["image_noise: { sigma: 0.15 }", "brightness: { delta: 0.1 }"], "brightness: { delta: 0 }");

        Assert.Equal(["image noise σ = 0.15", "brightness +0.1"], r.GetProperty("perturbations").EnumerateArray().Select(p => p.GetString()));
        var candidate = FlipRate(r, "candidate");
        var baseline = FlipRate(r, "baseline");
        Assert.InRange(candidate, 0.001, 0.9);
        Assert.True(candidate > baseline, $"candidate {candidate}, baseline {baseline}");
        Assert.Equal(0, FlipRate(unchanged, "candidate"));
        Assert.Equal(0, FlipRate(unchanged, "baseline"));
    }

    [Fact]
    public async Task Typos_in_the_package_descriptions_flip_predictions_reproducibly_and_no_typos_flip_none()
    {
        var (r, unchanged) = await Twice("debian-text", ["typos: { rate: 0.1 }"], "typos: { rate: 0 }");

        Assert.Equal(["typos 10% of letters"], r.GetProperty("perturbations").EnumerateArray().Select(p => p.GetString()));
        Assert.InRange(FlipRate(r, "candidate"), 0.001, 0.9);
        Assert.InRange(FlipRate(r, "baseline"), 0.001, 0.9);
        Assert.Equal(0, FlipRate(unchanged, "candidate"));
    }

    [Fact]
    public async Task Typos_on_a_policy_without_text_inputs_are_a_one_line_error()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "digits-images");
        RobustnessTests.AddCheck(policy, "  - robustness: { perturbations: [{ typos: { rate: 0.1 } }], flip_rate: { at_most: 0.1 } }\n");

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out")], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.UsageOrPolicyError, run.ToString());
        Assert.Contains("'typos' perturbs text inputs, but the policy has no data.text", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    private static double FlipRate(JsonElement robustness, string model) =>
        robustness.GetProperty(model).GetProperty("flipRate").GetProperty("value").GetDouble();

    // The example with two robustness checks: the perturbations (2 copies) and a zero perturbation with id "unchanged";
    // run twice, the first check's numbers must be the same both times.
    private static async Task<(JsonElement Perturbed, JsonElement Unchanged)> Twice(string example, string[] perturbations, string zero)
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, example);
        var items = string.Concat(perturbations.Select(p => $"        - {p}\n"));
        RobustnessTests.AddCheck(policy, $"  - robustness:\n      perturbations:\n{items}      repeats: 2\n      seed: 11\n      flip_rate: {{ at_most: 0.9 }}\n"
            + $"  - robustness:\n      id: unchanged\n      perturbations:\n        - {zero}\n      repeats: 1\n      flip_rate: {{ at_most: 0 }}\n");
        var reports = new List<string>();
        foreach (var outDir in new[] { "a", "b" })
        {
            var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File(outDir), "--format", "json"], scratch.Path);
            Assert.True(run.ExitCode is ExitCodes.GateFailed or ExitCodes.Passed, run.ToString());
            reports.Add(scratch.File(outDir, "report.json"));
        }

        var perturbed = RobustnessTests.Check(reports[0], "robustness").GetProperty("robustness");
        Assert.Equal(perturbed.GetRawText(), RobustnessTests.Check(reports[1], "robustness").GetProperty("robustness").GetRawText());
        return (perturbed, RobustnessTests.Check(reports[0], "unchanged").GetProperty("robustness"));
    }
}
