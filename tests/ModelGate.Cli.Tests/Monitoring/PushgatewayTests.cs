using System.Text.Json;
using System.Text.RegularExpressions;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests.Monitoring;

/// <summary>Three gate runs pushed to a real Pushgateway on loopback: what it holds, labels and values, and no secret anywhere.</summary>
[Collection(MonitoringServersDefinition.Name)]
public sealed class PushgatewayTests(MonitoringServers stack)
{
    [MonitoringFact]
    public void Every_run_pushed_its_metrics()
    {
        Assert.Equal(3, stack.Runs.Count);
        foreach (var (gate, run, _) in stack.Runs)
        {
            Assert.True(run.ExitCode is ExitCodes.Passed or ExitCodes.GateFailed, $"{gate}: {run}");
            Assert.Contains("pushed the metrics to " + stack.Pushgateway!.Url, run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("modelgate: warning: could not push", run.Error, StringComparison.Ordinal);
        }
    }

    [MonitoringFact]
    public async Task The_pushgateway_holds_every_series_of_every_run_with_its_labels_and_value()
    {
        var held = Exposition.Parse(await stack.Pushgateway!.GetAsync("metrics")).Where(s => s.Name.StartsWith("modelgate_", StringComparison.Ordinal)).ToList();
        foreach (var (gate, _, outDir) in stack.Runs)
        {
            var written = Exposition.Parse(File.ReadAllText(Path.Combine(outDir, "report.prom")));
            Assert.True(written.Count > 100, $"{gate}: only {written.Count} samples");
            foreach (var sample in written)
            {
                var match = held.Where(h => h.Name == sample.Name && h["job"] == "modelgate" && sample.Labels.All(l => h[l.Key] == l.Value)).ToList();
                Assert.True(match.Count == 1, $"{gate}: {sample.Name} {string.Join(',', sample.Labels)} is held {match.Count} times");
                Assert.Equal(sample.Value, match[0].Value);
            }

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "report.json")));
            var passed = held.Single(h => h.Name == "modelgate_gate_passed" && h["gate"] == gate);
            Assert.Equal(json.RootElement.GetProperty("gate").GetProperty("passed").GetBoolean() ? 1 : 0, passed.Value);
            foreach (var headline in json.RootElement.GetProperty("headline").EnumerateArray())
            {
                var metric = headline.GetProperty("metric").GetString()!;
                var value = held.Single(h => h.Name == "modelgate_metric" && h["gate"] == gate && h["metric"] == metric && h["role"] == "candidate");
                Assert.Equal(headline.GetProperty("candidate").GetProperty("value").GetDouble(), value.Value);
            }
        }

        Assert.Equal(3, held.Count(h => h.Name == "modelgate_gate_passed"));
        var main = held.Single(h => h.Name == "modelgate_gate_passed" && h["gate"] == "breast-cancer");
        Assert.Equal(("octo-org/models", "main", "1111111111111111111111111111111111111111", string.Empty), (main["repository"], main["branch"], main["commit"], main["pr"]));
        var pr7 = held.Single(h => h.Name == "modelgate_gate_passed" && h["gate"] == "hmda");
        Assert.Equal(("feature/x\"y\\z", "7", 0.0), (pr7["branch"], pr7["pr"], pr7.Value));
        Assert.Equal("8", held.Single(h => h.Name == "modelgate_gate_passed" && h["gate"] == "arrests")["pr"]);
        // The flag wins over the policy's candidate_version; the policy's baseline_version applies.
        Assert.Equal("2.1.0", held.Single(h => h.Name == "modelgate_model_info" && h["gate"] == "breast-cancer" && h["role"] == "candidate")["model_version"]);
        Assert.Equal("1.9.0", held.Single(h => h.Name == "modelgate_model_info" && h["gate"] == "breast-cancer" && h["role"] == "baseline")["model_version"]);
        Assert.DoesNotContain(held, h => h["gate"] == "hmda" && h["model_version"].Length > 0);
        Assert.Contains(held, h => h.Name == "modelgate_latency_seconds" && h["gate"] == "breast-cancer" && h["percentile"] == "95" && h.Value is > 0 and < 1);
        Assert.Contains(held, h => h.Name == "modelgate_model_size_bytes" && h["gate"] == "hmda" && h.Value > 0);
    }

    [MonitoringFact]
    public async Task The_token_and_password_appear_in_no_output()
    {
        var texts = new List<string> { await stack.Pushgateway!.GetAsync("metrics"), stack.Pushgateway.Log, stack.Prometheus!.Log };
        foreach (var (_, run, outDir) in stack.Runs)
        {
            texts.Add(run.Out + run.Error);
            texts.AddRange(Directory.EnumerateFiles(outDir).Select(File.ReadAllText));
        }

        foreach (var text in texts)
        {
            Assert.DoesNotContain(MonitoringServers.Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(MonitoringServers.Password, text, StringComparison.Ordinal);
        }

        Assert.Contains("bearer token", stack.Runs[0].Run.Error, StringComparison.Ordinal);
        Assert.Contains("basic auth", stack.Runs[1].Run.Error, StringComparison.Ordinal);
    }

    [MonitoringFact]
    public async Task The_report_prom_each_run_wrote_passes_promtool()
    {
        foreach (var (gate, _, outDir) in stack.Runs)
        {
            var check = await ProcessRun.RunAsync("bash", ["-c", $"{MonitoringFactAttribute.Promtool} check metrics < \"$1\"", "promtool", Path.Combine(outDir, "report.prom")], outDir);
            Assert.True(check.ExitCode == 0 && check.Out.Length + check.Error.Length == 0, $"{gate}: {check}");
        }
    }
}
