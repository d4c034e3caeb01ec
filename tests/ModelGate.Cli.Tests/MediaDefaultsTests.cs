using System.Text.Json;
using System.Text.RegularExpressions;
using ModelGate.Cli.Tests.Support;
using ModelGate.Core.Results;
using ModelGate.Engine;
using ModelGate.Onnx.Sessions;
using ModelGate.Policy;
using ModelGate.Policy.Model;

namespace ModelGate.Cli.Tests;

/// <summary>
/// What a media policy gets without saying: evidence from its image (else text) entry, thumbnails under that entry's
/// limits, 64 images per inference call unless --batch-size is given (any value, the default's included).
/// </summary>
public sealed partial class MediaDefaultsTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void A_policy_without_report_evidence_shows_its_image_entry_else_its_text_entry()
    {
        var images = PolicyLoader.Load(RepoPaths.Example("digits-images", "modelgate.yml"), Today).GetPolicyOrThrow();
        Assert.Equal(new EvidenceOptions("image", EvidenceKind.Image), images.Report.Evidence);

        var text = PolicyLoader.Load(RepoPaths.Example("debian-text", "modelgate.yml"), Today).GetPolicyOrThrow();
        Assert.Equal(new EvidenceOptions("description", EvidenceKind.Text), text.Report.Evidence);

        // A tabular policy has none.
        Assert.Null(PolicyLoader.Load(RepoPaths.Example("breast-cancer", "modelgate.yml"), Today).GetPolicyOrThrow().Report.Evidence);
    }

    [Fact]
    public void An_explicit_report_evidence_wins_and_evidence_null_turns_it_off()
    {
        using var scratch = new TempFolder("media-defaults");
        var policy = ExampleCopy.Into(scratch, "digits-images");
        var yaml = File.ReadAllText(policy);

        File.WriteAllText(policy, yaml + "  evidence: { column: stroke, kind: text, rows: 3 }\n");
        Assert.Equal(new EvidenceOptions("stroke", EvidenceKind.Text) { Rows = 3 }, PolicyLoader.Load(policy, Today).GetPolicyOrThrow().Report.Evidence);

        File.WriteAllText(policy, yaml + "  evidence: null\n");
        var off = PolicyLoader.Load(policy, Today).GetPolicyOrThrow();
        Assert.Null(off.Report.Evidence);

        // Printed as null, so the printed policy reads back the same (not with the default).
        File.WriteAllText(policy, off.ToYaml());
        Assert.Contains("\n  evidence: null\n", File.ReadAllText(policy), StringComparison.Ordinal);
        Assert.Null(PolicyLoader.Load(policy, Today).GetPolicyOrThrow().Report.Evidence);
    }

    [Fact]
    public async Task Thumbnails_are_made_under_the_image_entrys_limits()
    {
        using var scratch = new TempFolder("media-defaults");
        var policy = ExampleCopy.Into(scratch, "digits-images");
        foreach (var role in new[] { "candidate", "baseline" })
        {
            var score = await CliHarness.RunAsync(["score", "--policy", policy, "--model", role, "--out", scratch.File(role + ".csv")]);
            Assert.True(score.ExitCode == ExitCodes.Passed, score.ToString());
        }

        var scores = $"candidate={scratch.File("candidate.csv")},baseline={scratch.File("baseline.csv")}";
        var within = await Html(policy, scores, scratch.File("within"));
        Assert.Equal(24, DataUri().Count(within));
        Assert.DoesNotContain("image unavailable", within, StringComparison.Ordinal);

        // The PNGs are 32 x 32 = 1,024 pixels: under a limit of 1,000 the models could not read them (the scores were
        // made before), and the report shows why in each thumbnail's place.
        File.WriteAllText(policy, File.ReadAllText(policy).Replace("      dtype: float32\n", "      dtype: float32\n      max_pixels: 1000\n", StringComparison.Ordinal));
        var over = await Html(policy, scores, scratch.File("over"));
        Assert.Equal(0, DataUri().Count(over));
        Assert.Contains("(image unavailable: ", over, StringComparison.Ordinal);
        Assert.Contains("1,024 pixels", over, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_batch_size_always_wins_over_the_image_default()
    {
        var images = PolicyLoader.Load(RepoPaths.Example("digits-images", "modelgate.yml"), Today).GetPolicyOrThrow();
        var tabular = PolicyLoader.Load(RepoPaths.Example("breast-cancer", "modelgate.yml"), Today).GetPolicyOrThrow();
        int Batch(int? given, GatePolicy policy) => GateRun.Settings(new GateRequest { PolicyPath = policy.File, OutDir = "out", BatchSize = given }, policy).BatchSize;
        Assert.Equal(GateRun.ImageBatchSize, Batch(null, images));
        Assert.Equal(SessionSettings.DefaultBatchSize, Batch(null, tabular));
        Assert.Equal(SessionSettings.DefaultBatchSize, Batch(SessionSettings.DefaultBatchSize, images)); // --batch-size 8192 is not "unset"
        Assert.Equal(100, Batch(100, images));
    }

    private static async Task<string> Html(string policy, string scores, string outDir)
    {
        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--scores", scores, "--out", outDir, "--format", "html"]);
        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString()); // the example's subgroup check fails, as committed
        return File.ReadAllText(Path.Combine(outDir, "report.html"));
    }

    [GeneratedRegex("src=\"data:image/png;base64,")]
    private static partial Regex DataUri();
}
