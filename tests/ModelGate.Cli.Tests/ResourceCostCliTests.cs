using System.Text.Json;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>
/// Resource cost per inference (issue 22, M12) and row-level checks per slice, end to end with real models through
/// ONNX Runtime: the breast-cancer example for the cost, the arrests example for the slices.
/// </summary>
public sealed class ResourceCostCliTests
{
    [Fact]
    public async Task Cpu_time_and_peak_memory_are_measured_for_both_models_and_gated_absolute_and_vs_the_baseline()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "breast-cancer");
        File.AppendAllText(policy, """
              - resource_cost:
                  cpu_seconds_per_1000_rows: { at_most: 1000, max_relative_increase: 1000 }
                  peak_memory_mb: { at_most: 100000 }
              - resource_cost: { id: too_tight, severity: warning, cpu_seconds_per_1000_rows: { at_most: 0.000000001 } }

            """);

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "md,json,junit"], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        var cpu = Check(scratch.File("out/report.json"), "resource_cost.cpu");
        Assert.Equal("pass", cpu.GetProperty("verdict").GetString());
        var cost = cpu.GetProperty("cost");
        foreach (var role in new[] { "candidate", "baseline" })
        {
            var c = cost.GetProperty(role);
            Assert.True(c.GetProperty("rows").GetInt64() >= 2 * 172, c.ToString());
            Assert.True(c.GetProperty("cpuSecondsPer1000Rows").GetDouble() > 0, c.ToString());
            Assert.True(c.GetProperty("peakMemoryMb").GetDouble() >= 0, c.ToString());
            Assert.Equal(JsonValueKind.Null, c.GetProperty("gpuSecondsPer1000Rows").ValueKind);
        }

        Assert.Equal("pass", Check(scratch.File("out/report.json"), "resource_cost.memory").GetProperty("verdict").GetString());
        var tight = Check(scratch.File("out/report.json"), "too_tight");
        Assert.Equal("fail", tight.GetProperty("verdict").GetString());
        Assert.Contains("CPU time per 1,000 rows", tight.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("CPU-seconds per 1,000 rows", File.ReadAllText(scratch.File("out/report.md")), StringComparison.Ordinal);
        Assert.Contains("resource_cost.cpu", File.ReadAllText(scratch.File("out/report.junit.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_rate_and_prediction_drift_are_judged_per_group_of_the_slices_they_name()
    {
        using var scratch = new TempFolder("cli");
        var policy = ExampleCopy.Into(scratch, "arrests-fairness");
        var text = File.ReadAllText(policy);
        text = text[..text.IndexOf("checks:", StringComparison.Ordinal)] + """
            checks:
              - reject_rate: { confidence: 0.6, abstained_share: { at_most: 0.95 }, slices: [colour, sex] }
              - prediction_drift: { against: baseline, psi: { at_most: 10 }, slices: colour }

            """;
        File.WriteAllText(policy, text);

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "md,json,html"], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        var reject = Check(scratch.File("out/report.json"), "reject_rate");
        Assert.Equal(["colour=Black", "colour=White", "sex=Female", "sex=Male"],
            reject.GetProperty("groups").EnumerateArray().Select(g => $"{g.GetProperty("slice").GetString()}={g.GetProperty("group").GetString()}").Order(StringComparer.Ordinal));
        Assert.Contains("per slice: every group of colour, sex with enough rows passes too", reject.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, Check(scratch.File("out/report.json"), "prediction_drift").GetProperty("groups").GetArrayLength());
        Assert.Contains("### Checks per slice", File.ReadAllText(scratch.File("out/report.md")), StringComparison.Ordinal);
    }

    private static JsonElement Check(string report, string id)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        return json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).Clone();
    }
}
