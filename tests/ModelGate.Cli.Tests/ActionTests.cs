using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>action.yml: no script injection, and its gate step works in a simulated Actions environment.</summary>
public sealed partial class ActionTests
{
    [Fact]
    public void No_run_block_interpolates_an_input()
    {
        var lines = File.ReadAllLines(RepoPaths.Path("action.yml"));
        var runBlocks = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var match = RunKey().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            runBlocks++;
            var indent = match.Groups["indent"].Value.Length;
            var block = new List<string> { match.Groups["rest"].Value };
            // A block scalar (run: |) continues while lines are blank or indented deeper than the key.
            for (var j = i + 1; j < lines.Length && (lines[j].Trim().Length == 0 || Indent(lines[j]) > indent); j++)
            {
                block.Add(lines[j]);
            }

            foreach (var line in block)
            {
                Assert.False(line.Contains("${{", StringComparison.Ordinal), $"action.yml line {i + 1}: a run block interpolates an expression: {line.Trim()}");
            }
        }

        Assert.True(runBlocks >= 3, "expected the action's run steps");
        Assert.Contains("runs:\n  using: composite", File.ReadAllText(RepoPaths.Path("action.yml")).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gate_step_writes_summary_outputs_and_one_sticky_comment()
    {
        var exe = RepoPaths.BuiltTool;
        Assert.True(File.Exists(exe), $"{exe} is missing; build src/ModelGate.Cli first");
        using var scratch = new TempFolder("cli");
        await using var fake = await FakeGitHub.StartAsync();
        var eventPath = scratch.Write("event.json", new JsonObject
        {
            ["action"] = "synchronize",
            ["number"] = 7,
            ["pull_request"] = new JsonObject { ["number"] = 7, ["head"] = new JsonObject { ["sha"] = "0123456789abcdef0123456789abcdef01234567" } },
        }.ToJsonString());
        var summary = scratch.Write("summary.md", string.Empty);
        var output = scratch.Write("output.txt", string.Empty);
        var outDir = scratch.File("report");
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["CI"] = "true",
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_OUTPUT"] = output,
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_REPOSITORY"] = "o/r",
            ["GITHUB_API_URL"] = fake.ApiBase.ToString().TrimEnd('/'),
            ["GITHUB_TOKEN"] = FakeGitHub.Token,
            ["RUNNER_TEMP"] = scratch.Path,
            ["MODELGATE_EXE"] = exe,
            ["SOURCE_DATE_EPOCH"] = CliHarness.SourceDateEpoch,
            ["MG_POLICY"] = "examples/hmda-safety/modelgate.yml",
            ["MG_CANDIDATE"] = string.Empty,
            ["MG_BASELINE"] = string.Empty,
            ["MG_HOLDOUT"] = string.Empty,
            ["MG_TRAIN"] = string.Empty,
            ["MG_DEVICE"] = "auto",
            ["MG_OUT"] = outDir,
            ["MG_FORMAT"] = "md,json,junit,html",
            ["MG_FAIL_ON"] = "error",
            ["MG_COMMENT"] = "true",
            ["MG_COMMENT_MODE"] = "update",
            ["MG_GATE_KEY"] = "hmda",
            ["MG_PR"] = string.Empty,
        };

        var run = await ProcessRun.RunAsync("bash", [RepoPaths.Path("eng", "action-run.sh")], RepoPaths.Root, env, TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
        Assert.Contains("FAIL", File.ReadAllText(summary), StringComparison.Ordinal);
        var outputs = File.ReadAllText(output);
        var parsed = RunnerOutputs.Parse(outputs);
        Assert.Equal("fail", parsed["verdict"]);
        Assert.Contains("safety.clean_record_applicants_must_not_be_newly_denied", parsed["failed-checks"], StringComparison.Ordinal);
        Assert.Contains("report-markdown", parsed.Keys);
        Assert.True(File.Exists(Path.Combine(outDir, "report.md")));

        var posts = fake.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Single(posts);
        Assert.Equal("/repos/o/r/issues/7/comments", posts[0].Path);
        var comments = fake.Comments("o/r", 7);
        Assert.Single(comments);
        Assert.StartsWith("<!-- modelgate:hmda verdict=fail -->", comments[0].Body, StringComparison.Ordinal);
        Assert.Empty(fake.SchemaViolations);
        Assert.DoesNotContain(FakeGitHub.Token, run.Out + run.Error + outputs + File.ReadAllText(summary), StringComparison.Ordinal);

        // The same step again edits that comment instead of adding a second one.
        var again = await ProcessRun.RunAsync("bash", [RepoPaths.Path("eng", "action-run.sh")], RepoPaths.Root, env, TimeSpan.FromMinutes(3));
        Assert.True(again.ExitCode == ExitCodes.GateFailed, again.ToString());
        Assert.Single(fake.Comments("o/r", 7));
        Assert.Single(fake.Requests, r => r.Method == "POST");
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    [GeneratedRegex(@"^(?<indent>\s*)(-\s+)?run:(?<rest>.*)$")]
    private static partial Regex RunKey();
}
