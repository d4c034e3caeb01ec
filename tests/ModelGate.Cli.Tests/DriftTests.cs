using System.Globalization;
using System.Text.Json;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>
/// Feature and prediction drift end to end: the breast-cancer example's real models through ONNX Runtime, a holdout copy
/// with one feature shifted by half a standard deviation, every report format.
/// </summary>
public sealed class DriftTests
{
    private const string DriftChecks = """
          - drift:
              reference: data/reference.csv
              drifted_share: { at_most: 0 }
          - prediction_drift: { against: baseline, psi: { at_most: 5 } }
          - prediction_drift: { id: score_drift_train, against: train, ks: { at_most: 0.5 } }

        """;

    [Fact]
    public async Task A_feature_shifted_by_half_a_standard_deviation_fails_the_gate_on_that_feature_alone()
    {
        using var scratch = new TempFolder("cli");
        var policy = Policy(scratch);
        await ShiftColumn(scratch.File("data/holdout.csv"), "mean_texture", 0.5);

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "md,json,junit,html"], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
        var drift = Check(scratch.File("out/report.json"), "drift");
        Assert.Equal("fail", drift.GetProperty("verdict").GetString());
        var flagged = drift.GetProperty("drift").EnumerateArray().Where(f => f.GetProperty("drifted").GetBoolean()).Select(f => f.GetProperty("feature").GetString());
        Assert.Equal(["mean_texture"], flagged);
        Assert.Equal(30, drift.GetProperty("drift").GetArrayLength());
        Assert.Contains("### Drift", File.ReadAllText(scratch.File("out/report.md")), StringComparison.Ordinal);
        Assert.Contains("mean_texture", File.ReadAllText(scratch.File("out/report.html")), StringComparison.Ordinal);
        Assert.Contains("name=\"drift: Feature drift\"", File.ReadAllText(scratch.File("out/report.junit.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unshifted_holdout_passes_and_prediction_drift_is_measured_against_baseline_and_train()
    {
        using var scratch = new TempFolder("cli");
        var policy = Policy(scratch);

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "json"], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        var report = scratch.File("out/report.json");
        Assert.Equal("pass", Check(report, "drift").GetProperty("verdict").GetString());
        var baseline = Check(report, "prediction_drift").GetProperty("drift").EnumerateArray().Single();
        Assert.Equal("candidate vs baseline", baseline.GetProperty("feature").GetString());
        Assert.InRange(baseline.GetProperty("statistic").GetDouble(), 0, 1);
        var train = Check(report, "score_drift_train").GetProperty("drift").EnumerateArray().Single();
        Assert.Equal("candidate: train vs holdout", train.GetProperty("feature").GetString());
        Assert.Equal(398, train.GetProperty("referenceRows").GetInt32());
    }

    [Fact]
    public async Task A_reference_without_a_feature_is_a_one_line_policy_error()
    {
        using var scratch = new TempFolder("cli");
        var policy = Policy(scratch);
        var lines = await File.ReadAllLinesAsync(scratch.File("data/reference.csv"));
        await File.WriteAllLinesAsync(scratch.File("data/reference.csv"), lines.Select(l => string.Join(',', l.Split(',').Skip(1))));

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "json"], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.UsageOrPolicyError, run.ToString());
        var error = Assert.Single(run.ErrorLines);
        Assert.Contains("drift 'drift' refers to column 'mean_radius', which the drift reference does not have", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_rows_copied_into_the_holdout_are_listed_by_row_and_fail_the_leakage_check()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "breast-cancer");
        File.AppendAllText(policy, "  - leakage: { duplicates: { at_most: 0 }, label_proxy: { at_most: 0.99 } }\n");
        var train = await File.ReadAllLinesAsync(scratch.File("data/train.csv"));
        await File.AppendAllLinesAsync(scratch.File("data/holdout.csv"), train.Skip(1).Take(3));

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "md,json"], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
        var leakage = Check(scratch.File("out/report.json"), "leakage");
        Assert.Equal("fail", leakage.GetProperty("verdict").GetString());
        var found = leakage.GetProperty("leakage");
        Assert.Equal(3, found.GetProperty("duplicateRows").GetInt32());
        Assert.Equal(["172", "173", "174"], found.GetProperty("duplicateIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, found.GetProperty("conflictingRows").GetInt32());
        Assert.Equal(30, found.GetProperty("labelProxies").GetArrayLength());
        Assert.Contains("### Leakage", File.ReadAllText(scratch.File("out/report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reject_rate_check_reports_abstention_in_every_format_and_draws_the_risk_coverage_curve()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "breast-cancer");
        File.AppendAllText(policy, "  - reject_rate: { confidence: 0.9, abstained_share: { at_most: 0.2 }, selective_accuracy: { at_least: 0.9 } }\n");

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "md,json,junit,html"], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        var check = Check(scratch.File("out/report.json"), "reject_rate");
        Assert.Equal("pass", check.GetProperty("verdict").GetString());
        var abstention = check.GetProperty("abstention");
        Assert.InRange(abstention.GetProperty("abstainedShare").GetDouble(), 0, 0.2);
        Assert.True(abstention.GetProperty("riskCoverage").GetArrayLength() > 10);
        Assert.Contains("### Abstention", File.ReadAllText(scratch.File("out/report.md")), StringComparison.Ordinal);
        Assert.Contains("Risk–coverage (reject_rate)", File.ReadAllText(scratch.File("out/report.html")), StringComparison.Ordinal);
        Assert.Contains("reject_rate: Reject rate (abstention)", File.ReadAllText(scratch.File("out/report.junit.xml")), StringComparison.Ordinal);
    }

    // The example's policy plus the drift checks; the reference is the untouched holdout.
    private static string Policy(TempFolder scratch)
    {
        var policy = ExampleCopy.Into(scratch, "breast-cancer");
        File.Copy(scratch.File("data/holdout.csv"), scratch.File("data/reference.csv"));
        File.AppendAllText(policy, DriftChecks);
        return policy;
    }

    private static JsonElement Check(string report, string id)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        return json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).Clone();
    }

    private static async Task ShiftColumn(string csv, string column, double standardDeviations)
    {
        var lines = await File.ReadAllLinesAsync(csv);
        var at = Array.IndexOf(lines[0].Split(','), column);
        var values = lines.Skip(1).Select(l => double.Parse(l.Split(',')[at], CultureInfo.InvariantCulture)).ToArray();
        var mean = values.Average();
        var shift = standardDeviations * Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        await File.WriteAllLinesAsync(csv, lines.Select((l, i) => i == 0 ? l : string.Join(',', l.Split(',').Select((f, j) =>
            j == at ? (double.Parse(f, CultureInfo.InvariantCulture) + shift).ToString("R", CultureInfo.InvariantCulture) : f))));
    }
}
