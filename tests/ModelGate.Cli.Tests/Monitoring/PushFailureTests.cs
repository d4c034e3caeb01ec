using System.Net;
using System.Text;
using ModelGate.Cli.Tests.Support;
using ModelGate.Monitoring;

namespace ModelGate.Cli.Tests.Monitoring;

/// <summary>Pushes that fail or need retries, against loopback only: a warning by default, exit 4 only when required, never a secret printed.</summary>
public sealed class PushFailureTests
{
    private const string Token = "mg-secret-token-0c1d";

    private static Task<CliRun> GateAsync(TempFolder scratch, Uri pushgateway, params string[] extra) =>
        CliHarness.RunAsync(
            ["check", "--policy", "examples/breast-cancer/modelgate.yml", "--out", scratch.Path, "--format", "json", "--pushgateway", pushgateway.ToString(), "--pushgateway-timeout", "5", .. extra],
            env: new Dictionary<string, string> { [PushgatewayCredentials.TokenVariable] = Token, ["GITHUB_REF_NAME"] = "main" });

    [Fact]
    public async Task An_unreachable_pushgateway_is_a_warning_and_the_verdict_stands()
    {
        using var scratch = new TempFolder("cli");
        var run = await GateAsync(scratch, new Uri($"http://127.0.0.1:{LocalServer.FreePort()}/"));
        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        Assert.Contains("modelgate: warning: could not push the metrics to http://127.0.0.1:", run.Error, StringComparison.Ordinal);
        Assert.Contains("after 3 attempt(s)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.Out + run.Error + File.ReadAllText(scratch.File("report.json")), StringComparison.Ordinal);
        Assert.DoesNotContain(run.ErrorLines, l => l.StartsWith("modelgate: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_required_push_that_fails_turns_a_pass_into_exit_4_with_one_line()
    {
        using var scratch = new TempFolder("cli");
        using var fake = new FakePushgateway(HttpStatusCode.Unauthorized);
        var run = await GateAsync(scratch, fake.Url, "--pushgateway-required");
        Assert.True(run.ExitCode == ExitCodes.EnvironmentError, run.ToString());
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith("modelgate: could not push the metrics to " + fake.Url + " after 1 attempt(s): HTTP 401", error, StringComparison.Ordinal);
        Assert.Contains("Fix:", error, StringComparison.Ordinal);
        Assert.Single(fake.Requests);
        Assert.Equal("Bearer " + Token, fake.Requests[0].Authorization);
        Assert.DoesNotContain(Token, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_are_retried_and_the_push_replaces_its_group_with_put()
    {
        using var fake = new FakePushgateway(HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway);
        var endpoint = PushgatewayEndpoint.TryParse(fake.Url.ToString(), out _)!;
        var credentials = PushgatewayCredentials.From(v => v switch { PushgatewayCredentials.UserVariable => "ci", PushgatewayCredentials.PasswordVariable => "pw", _ => null }, out _)!;
        var client = new PushgatewayClient(endpoint, credentials, PushSettings.Default with { FirstPause = TimeSpan.FromMilliseconds(10) });
        var key = new GroupingKey("modelgate", [new("gate", "default"), new("branch", "feature/a"), new("pr", null)]);

        var outcome = await client.PushAsync(key, "# TYPE x gauge\nx 1\n# EOF\n", "text/plain; version=0.0.4; charset=utf-8", CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Problem);
        Assert.Equal(3, outcome.Attempts);
        Assert.All(fake.Requests, r => Assert.Equal("PUT", r.Method));
        Assert.Equal("/metrics/job@base64/bW9kZWxnYXRl/gate@base64/ZGVmYXVsdA==/branch@base64/ZmVhdHVyZS9h", fake.Requests[^1].Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:pw")), fake.Requests[^1].Authorization);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", fake.Requests[^1].ContentType);
    }

    [Fact]
    public async Task A_rejected_push_is_not_retried_and_the_secret_is_redacted_from_the_answer()
    {
        using var fake = new FakePushgateway(HttpStatusCode.BadRequest);
        var endpoint = PushgatewayEndpoint.TryParse(fake.Url.ToString(), out _)!;
        var credentials = PushgatewayCredentials.From(v => v == PushgatewayCredentials.TokenVariable ? "failure" : null, out _)!;
        var outcome = await new PushgatewayClient(endpoint, credentials, PushSettings.Default).PushAsync(new GroupingKey("modelgate", []), "x 1\n", "text/plain", CancellationToken.None);
        Assert.False(outcome.Succeeded);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal("HTTP 400 Bad Request: scripted ***", outcome.Problem);
    }

    [Theory]
    [InlineData("pushgateway:9091", "is not an http(s) URL")]
    [InlineData("ftp://127.0.0.1/", "is not an http(s) URL")]
    [InlineData("http://u:p@127.0.0.1:9091", "must not carry a user name or password")]
    [InlineData("http://127.0.0.1:9091/?x=1", "has a query or fragment")]
    public async Task A_bad_pushgateway_url_is_a_usage_error_before_any_model_runs(string url, string problem)
    {
        using var scratch = new TempFolder("cli");
        var run = await CliHarness.RunAsync(["check", "--policy", "examples/breast-cancer/modelgate.yml", "--out", scratch.Path, "--pushgateway", url]);
        Assert.True(run.ExitCode == ExitCodes.UsageOrPolicyError, run.ToString());
        Assert.Contains(problem, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("ONNX Runtime", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
    }

    [Fact]
    public async Task Half_set_basic_auth_is_a_usage_error_before_any_model_runs()
    {
        using var scratch = new TempFolder("cli");
        var run = await CliHarness.RunAsync(
            ["check", "--policy", "examples/breast-cancer/modelgate.yml", "--out", scratch.Path, "--pushgateway", "http://127.0.0.1:9091"],
            env: new Dictionary<string, string> { [PushgatewayCredentials.UserVariable] = "ci" });
        Assert.True(run.ExitCode == ExitCodes.UsageOrPolicyError, run.ToString());
        Assert.Contains(PushgatewayCredentials.PasswordVariable, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.DoesNotContain("ONNX Runtime", run.Error, StringComparison.Ordinal);
    }
}
