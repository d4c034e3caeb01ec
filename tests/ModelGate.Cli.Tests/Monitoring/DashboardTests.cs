using System.Text.Json;
using System.Text.Json.Nodes;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests.Monitoring;

/// <summary>docs/grafana/modelgate-dashboard.json: every PromQL query in it returns data from a real Prometheus scraping the pushed runs.</summary>
[Collection(MonitoringServersDefinition.Name)]
public sealed class DashboardTests(MonitoringServers stack)
{
    private static readonly JsonNode Dashboard = JsonNode.Parse(File.ReadAllText(RepoPaths.Path("docs", "grafana", "modelgate-dashboard.json")))!;

    /// <summary>Grafana's variables as the dashboard's defaults would set them ("All" gates).</summary>
    private static string Substitute(string query) => query
        .Replace("$gate", ".+", StringComparison.Ordinal)
        .Replace("$window", "30d", StringComparison.Ordinal)
        .Replace("$deploy_branch", "main", StringComparison.Ordinal);

    private static IEnumerable<JsonNode> Panels => Dashboard["panels"]!.AsArray().Select(p => p!);

    [Fact]
    public void The_dashboard_has_the_panels_the_monitoring_table_asks_for()
    {
        var titles = Panels.Select(p => p["title"]!.GetValue<string>()).ToList();
        foreach (var wanted in new[] { "Validation gap trend", "Calibration error trend", "Accuracy over rolling windows", "Cost per inference: latency and model size", "Drift alerts by feature", "Reject rate", "Model version and deployment timeline" })
        {
            Assert.Contains(wanted, titles);
        }

        var drift = Panels.Single(p => p["title"]!.GetValue<string>() == "Drift alerts by feature");
        Assert.Equal("text", drift["type"]!.GetValue<string>());
        Assert.Contains("Waiting for drift checks", drift["options"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(Panels.Where(p => p["type"]!.GetValue<string>() != "text"), p => Assert.NotEmpty(p["targets"]!.AsArray()));
    }

    [MonitoringFact]
    public async Task Every_panel_query_returns_data()
    {
        var queries = Panels.SelectMany(p => p["targets"]?.AsArray() ?? []).Select(t => t!["expr"]!.GetValue<string>()).ToList();
        Assert.True(queries.Count >= 10, $"only {queries.Count} queries");
        foreach (var query in queries)
        {
            var result = await stack.QueryAsync(Substitute(query));
            Assert.True(result.GetArrayLength() > 0, $"no data for: {query}");
        }
    }

    [MonitoringFact]
    public async Task The_gate_variable_lists_the_pushed_gates()
    {
        var definition = Dashboard["templating"]!["list"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "gate")!["definition"]!.GetValue<string>();
        Assert.Equal("label_values(modelgate_gate_passed, gate)", definition);
        using var values = JsonDocument.Parse(await stack.Prometheus!.GetAsync("api/v1/label/gate/values?match[]=modelgate_gate_passed"));
        var gates = values.RootElement.GetProperty("data").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Equal(["arrests", "breast-cancer", "hmda"], gates);
    }

    [MonitoringFact]
    public async Task The_reject_rate_is_the_share_of_failed_runs()
    {
        var query = Panels.Single(p => p["title"]!.GetValue<string>() == "Reject rate")["targets"]![0]!["expr"]!.GetValue<string>();
        var result = await stack.QueryAsync(Substitute(query));
        var failed = stack.Runs.Count(r => r.Run.ExitCode == ExitCodes.GateFailed);
        Assert.Equal((double)failed / stack.Runs.Count, double.Parse(result[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture), 9);
    }
}
