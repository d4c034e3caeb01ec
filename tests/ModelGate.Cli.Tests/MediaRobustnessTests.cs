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
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "digits-images");
        RobustnessTests.AddCheck(policy, """
              - robustness:
                  perturbations:
                    - image_noise: { sigma: 0.15 }
                    - brightness: { delta: 0.1 }
                  repeats: 2
                  seed: 11
                  flip_rate: { at_most: 0.9 }
              - robustness:
                  id: unchanged
                  perturbations:
                    - brightness: { delta: 0 }
                  repeats: 1
                  flip_rate: { at_most: 0 }

            """);

        var first = await Run(scratch, policy, "a");
        var again = await Run(scratch, policy, "b");

        var r = RobustnessTests.Check(first, "robustness").GetProperty("robustness");
        Assert.Equal(["image noise σ = 0.15", "brightness +0.1"], r.GetProperty("perturbations").EnumerateArray().Select(p => p.GetString()));
        var candidate = FlipRate(r, "candidate");
        var baseline = FlipRate(r, "baseline");
        Assert.InRange(candidate, 0.001, 0.9);
        Assert.True(candidate > baseline, $"candidate {candidate}, baseline {baseline}");
        Assert.Equal(r.GetRawText(), RobustnessTests.Check(again, "robustness").GetProperty("robustness").GetRawText());
        var unchanged = RobustnessTests.Check(first, "unchanged");
        Assert.Equal(0, FlipRate(unchanged.GetProperty("robustness"), "candidate"));
        Assert.Equal(0, FlipRate(unchanged.GetProperty("robustness"), "baseline"));
    }

    [Fact]
    public async Task Typos_in_the_package_descriptions_flip_predictions_reproducibly_and_no_typos_flip_none()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "debian-text");
        RobustnessTests.AddCheck(policy, """
              - robustness:
                  perturbations:
                    - typos: { rate: 0.1 }
                  repeats: 2
                  seed: 5
                  flip_rate: { at_most: 0.9 }
              - robustness:
                  id: unchanged
                  perturbations:
                    - typos: { rate: 0 }
                  repeats: 1
                  flip_rate: { at_most: 0 }

            """);

        var first = await Run(scratch, policy, "a");
        var again = await Run(scratch, policy, "b");

        var r = RobustnessTests.Check(first, "robustness").GetProperty("robustness");
        Assert.Equal(["typos 10% of letters"], r.GetProperty("perturbations").EnumerateArray().Select(p => p.GetString()));
        Assert.InRange(FlipRate(r, "candidate"), 0.001, 0.9);
        Assert.InRange(FlipRate(r, "baseline"), 0.001, 0.9);
        Assert.Equal(r.GetRawText(), RobustnessTests.Check(again, "robustness").GetProperty("robustness").GetRawText());
        Assert.Equal(0, FlipRate(RobustnessTests.Check(first, "unchanged").GetProperty("robustness"), "candidate"));
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

    private static double FlipRate(System.Text.Json.JsonElement robustness, string model) =>
        robustness.GetProperty(model).GetProperty("flipRate").GetProperty("value").GetDouble();

    private static async Task<string> Run(TempFolder scratch, string policy, string outDir)
    {
        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File(outDir), "--format", "json"], scratch.Path);
        Assert.True(run.ExitCode is ExitCodes.GateFailed or ExitCodes.Passed, run.ToString());
        return scratch.File(outDir, "report.json");
    }
}
