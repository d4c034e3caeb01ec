using System.Net;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests.Monitoring;

/// <summary>The action's pushgateway inputs reach the tool: the gate step pushes with the token, and never prints it.</summary>
public sealed class ActionPushTests
{
    [Fact]
    public async Task The_gate_step_pushes_to_the_pushgateway_input_with_the_token_input()
    {
        const string Token = "mg-action-token-93be";
        using var scratch = new TempFolder("cli");
        using var fake = new FakePushgateway(HttpStatusCode.OK);
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MODELGATE_EXE"] = RepoPaths.BuiltTool,
            ["SOURCE_DATE_EPOCH"] = CliHarness.SourceDateEpoch,
            ["MG_POLICY"] = "examples/breast-cancer/modelgate.yml",
            ["MG_OUT"] = scratch.File("report"),
            ["MG_FORMAT"] = "json,openmetrics",
            ["MG_COMMENT"] = "false",
            ["MG_GATE_KEY"] = "action",
            ["MG_PUSHGATEWAY"] = fake.Url.ToString(),
            ["MG_PUSHGATEWAY_REQUIRED"] = "true",
            ["MODELGATE_PUSHGATEWAY_TOKEN"] = Token,
            ["GITHUB_REPOSITORY"] = "o/r",
            ["GITHUB_REF_NAME"] = "main",
        };

        var run = await ProcessRun.RunAsync("bash", [RepoPaths.Path("eng", "action-run.sh")], RepoPaths.Root, env, TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
        var push = Assert.Single(fake.Requests);
        Assert.Equal("Bearer " + Token, push.Authorization);
        Assert.Equal(File.ReadAllText(scratch.File("report/report.prom")), push.Body);
        Assert.Contains("gate=\"action\",repository=\"o/r\",branch=\"main\"", push.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.Out + run.Error, StringComparison.Ordinal);
    }
}
