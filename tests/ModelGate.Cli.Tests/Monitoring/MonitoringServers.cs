using System.Globalization;
using System.Text.Json;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests.Monitoring;

/// <summary>
/// A real Pushgateway on loopback, three gate runs pushed to it, and a real Prometheus scraping it (1 s interval), shared
/// by the monitoring tests. Nothing starts when the Debian packages are absent (the tests are skipped then).
/// </summary>
public sealed class MonitoringServers : IAsyncLifetime, IDisposable
{
    /// <summary>The bearer token of the first run and the basic-auth password of the second: must never be printed.</summary>
    public const string Token = "mg-push-token-7f3a9c";

    public const string Password = "mg-push-password-41d2";

    private readonly TempFolder _scratch = new();

    internal LocalServer? Pushgateway { get; private set; }

    internal LocalServer? Prometheus { get; private set; }

    /// <summary>The three runs: (gate key, what it printed, its report folder).</summary>
    public List<(string Gate, CliRun Run, string OutDir)> Runs { get; } = [];

    public async Task InitializeAsync()
    {
        if (!MonitoringFactAttribute.Installed)
        {
            return;
        }

        Pushgateway = await LocalServer.StartAsync(MonitoringFactAttribute.Pushgateway, port => [$"--web.listen-address=127.0.0.1:{port}"]);
        var push = Pushgateway.Url.ToString();

        var policy = ExampleCopy.Into(_scratch, "breast-cancer");
        File.AppendAllText(policy, "  - latency:\n      batch_size: 1\n      p95_ms: { at_most: 1000 }\n");
        File.WriteAllText(policy, File.ReadAllText(policy).Replace("  positive_class: 1", "  positive_class: 1\n  candidate_version: 2.0.0-policy\n  baseline_version: 1.9.0", StringComparison.Ordinal));
        await RunAsync("breast-cancer", ["--policy", policy, "--candidate-version", "2.1.0"], new()
        {
            ["GITHUB_REPOSITORY"] = "octo-org/models",
            ["GITHUB_REF_NAME"] = "main",
            ["GITHUB_SHA"] = "1111111111111111111111111111111111111111",
            ["MODELGATE_PUSHGATEWAY_TOKEN"] = Token,
        });
        await RunAsync("hmda", ["--policy", "examples/hmda-safety/modelgate.yml"], new()
        {
            ["GITHUB_REPOSITORY"] = "octo-org/models",
            ["GITHUB_HEAD_REF"] = "feature/x\"y\\z",
            ["GITHUB_REF"] = "refs/pull/7/merge",
            ["GITHUB_SHA"] = "2222222222222222222222222222222222222222",
            ["MODELGATE_PUSHGATEWAY_USERNAME"] = "ci",
            ["MODELGATE_PUSHGATEWAY_PASSWORD"] = Password,
        });
        await RunAsync("arrests", ["--policy", "examples/arrests-fairness/modelgate.yml", "--pr", "8"], new()
        {
            ["GITHUB_REPOSITORY"] = "octo-org/models",
            ["GITHUB_HEAD_REF"] = "fix/groups",
            ["GITHUB_SHA"] = "3333333333333333333333333333333333333333",
        });

        var config = _scratch.Write("prometheus.yml",
            "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n" +
            "scrape_configs:\n  - job_name: pushgateway\n    honor_labels: true\n" +
            $"    static_configs:\n      - targets: ['127.0.0.1:{Pushgateway.Url.Port}']\n");
        var data = Directory.CreateDirectory(_scratch.File("tsdb")).FullName;
        Prometheus = await LocalServer.StartAsync(MonitoringFactAttribute.Prometheus, port =>
            [$"--config.file={config}", $"--storage.tsdb.path={data}", $"--web.listen-address=127.0.0.1:{port}"]);
        await WaitForScrapeAsync();

        async Task RunAsync(string gate, string[] args, Dictionary<string, string> env)
        {
            var outDir = _scratch.File("out-" + gate);
            string[] all = ["check", .. args, "--out", outDir, "--format", "json,openmetrics", "--gate-key", gate, "--pushgateway", push];
            Runs.Add((gate, await CliHarness.RunAsync(all, env: env), outDir));
        }
    }

    /// <summary>Runs an instant PromQL query on the Prometheus; the "result" array.</summary>
    public async Task<JsonElement> QueryAsync(string promql)
    {
        var body = await Prometheus!.GetAsync("api/v1/query?query=" + Uri.EscapeDataString(promql));
        using var doc = JsonDocument.Parse(body);
        Assert.Equal("success", doc.RootElement.GetProperty("status").GetString());
        return doc.RootElement.GetProperty("data").GetProperty("result").Clone();
    }

    public async Task DisposeAsync()
    {
        if (Prometheus is not null)
        {
            await Prometheus.DisposeAsync();
        }

        if (Pushgateway is not null)
        {
            await Pushgateway.DisposeAsync();
        }
    }

    public void Dispose() => _scratch.Dispose();

    private async Task WaitForScrapeAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var result = await QueryAsync("count(modelgate_gate_passed)");
            if (result.GetArrayLength() == 1 && result[0].GetProperty("value")[1].GetString() == Runs.Count.ToString(CultureInfo.InvariantCulture))
            {
                return;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"Prometheus did not scrape the {Runs.Count} pushed runs within 60 s: {Prometheus!.Log}");
    }
}

/// <summary>One set of servers and runs for all monitoring tests.</summary>
[CollectionDefinition(Name)]
public sealed class MonitoringServersDefinition : ICollectionFixture<MonitoringServers>
{
    public const string Name = "monitoring servers";
}
