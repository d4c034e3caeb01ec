
namespace ModelGate.Faults.Tests;

/// <summary>GitHub faults after a passing gate: the reports and job summary are kept, the token never printed.</summary>
public sealed class GitHubFaultTests
{
    public static IReadOnlyList<string> CaseNames { get; } = ["github_unauthorized_401", "github_fork_read_only_403", "github_server_down"];

    [Fact]
    public async Task github_unauthorized_401()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.AddFault(FakeFault.Error(401, "Bad credentials"));
        var (run, w, summary) = await RunAsync(fake.ApiBase.ToString());
        using (w)
        {
            AssertCommon(run, w, summary);
            Assert.True(run.ExitCode == 4, run.ToString());
            Assert.Contains("GitHub rejected the credentials (401)", run.Out + run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task github_fork_read_only_403()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.AddFault(FakeFault.Error(403, "Resource not accessible by integration"));
        var (run, w, summary) = await RunAsync(fake.ApiBase.ToString());
        using (w)
        {
            AssertCommon(run, w, summary);
            // A fork's read-only token is expected on pull_request runs: the gate's own exit code stands.
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("the token is read-only here (403 Resource not accessible by integration)", run.Out + run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task github_server_down()
    {
        var (run, w, summary) = await RunAsync("http://127.0.0.1:9/");
        using (w)
        {
            AssertCommon(run, w, summary);
            // A network fault is transient, not a setup error: after the retries the gate's own exit code stands.
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("PR comment not posted: connection failed", run.Error, StringComparison.Ordinal);
            Assert.Contains("gave up because 6 attempts failed", run.Error, StringComparison.Ordinal);
        }
    }

    private static void AssertCommon(CliRun run, Workspace w, string summary)
    {
        Assert.DoesNotContain(FakeGitHub.Token, run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGitHub.Token, File.ReadAllText(summary), StringComparison.Ordinal);
        StackTraces.AssertNone(run.Error);
        Assert.Contains("ModelGate", File.ReadAllText(summary), StringComparison.Ordinal);
        foreach (var report in FaultCatalogue.AllReports)
        {
            ReportFiles.AssertComplete(Path.Combine(w.OutDir, report));
        }
    }

    private static async Task<(CliRun Run, Workspace W, string Summary)> RunAsync(string apiBase)
    {
        var w = new Workspace();
        var summary = w.File("step-summary.md");
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = "workflow_run",
            ["GITHUB_REPOSITORY"] = "octo-org/models",
            ["GITHUB_TOKEN"] = FakeGitHub.Token,
            ["GITHUB_API_URL"] = apiBase,
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_OUTPUT"] = w.File("github-output.txt"),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var run = await w.RunAsync(env, timeout.Token, "check", "--policy", "modelgate.yml", "--out", "out", "--github", "--pr", "7");
        return (run, w, summary);
    }
}
