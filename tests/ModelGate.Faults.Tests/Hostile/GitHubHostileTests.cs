using System.Diagnostics;

namespace ModelGate.Faults.Tests.Hostile;

/// <summary>Hostile answers from the GitHub side and hostile artifacts, against the loopback fake GitHub API.</summary>
public sealed class GitHubHostileTests
{
    static GitHubHostileTests() => Secrets.Plant();

    [Fact]
    public async Task Comment_in_changed_mode_follows_pass_then_fail_then_pass()
    {
        await using var fake = await FakeGitHub.StartAsync();
        using var passing = new Workspace("breast-cancer");
        using var failing = new Workspace("arrests-fairness");
        Assert.Equal(0, (await passing.RunAsync(null, CancellationToken.None, HostileCase.Check())).ExitCode);
        Assert.Equal(1, (await failing.RunAsync(null, CancellationToken.None, HostileCase.Check())).ExitCode);

        var verdicts = new List<string>();
        foreach (var (w, expected) in new[] { (passing, "pass"), (failing, "fail"), (passing, "pass"), (passing, "pass") })
        {
            var run = await w.RunAsync(Env(fake), CancellationToken.None, "comment", "--report-dir", "out", "--pr", "7", "--comment-mode", "changed");
            Assert.True(run.ExitCode == 0, run.ToString());
            var comment = Assert.Single(fake.Comments("octo-org/models", 7));
            Assert.StartsWith($"<!-- modelgate:default verdict={expected} -->", comment.Body, StringComparison.Ordinal);
            verdicts.Add(run.Out.Trim());
        }

        // Created, updated to FAIL, updated back to PASS, then left alone: the same verdict again changes nothing.
        Assert.Equal(4, verdicts.Count);
        Assert.Single(fake.Requests, r => r.Method == "POST");
        Assert.Equal(2, fake.Requests.Count(r => r.Method == "PATCH"));
    }

    [Fact]
    public async Task A_forged_verdict_never_reaches_the_marker_and_the_artifact_mentions_nobody()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var run = await CommentAsync(fake, "hello @everyone\n", "{\"gate\": {\"verdict\": \"pass --> <img src=x>\"}}");
        Assert.True(run.ExitCode == 0, run.ToString());
        var body = Assert.Single(fake.Comments("octo-org/models", 7)).Body;
        Assert.StartsWith("<!-- modelgate:default verdict=unknown -->", body, StringComparison.Ordinal);
        Assert.Contains("hello @\u200Beveryone", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_json_that_is_not_json_is_a_one_line_usage_error()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var run = await CommentAsync(fake, "x\n", "{\"gate\": [");
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("out/report.json, line 1: not valid JSON", run.Error, StringComparison.Ordinal);
        Assert.Empty(fake.Comments("octo-org/models", 7));
    }

    [Fact]
    public async Task A_next_link_back_to_the_same_page_stops_after_one_request()
    {
        await using var fake = await FakeGitHub.StartAsync();
        var self = new Uri(fake.ApiBase, "repos/octo-org/models/issues/7/comments?per_page=100");
        fake.AddFault(new FakeFault(200, "[]", new Dictionary<string, string> { ["Link"] = $"<{self}>; rel=\"next\"" }, "GET"));
        var (run, seconds) = await CheckWithGitHubAsync(fake);
        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("repeats a page already read; stopped", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Single(fake.Requests, r => r.Method == "GET");
        Assert.True(seconds < 30, $"{seconds} s");
        Secrets.AssertNotLeaked(nameof(A_next_link_back_to_the_same_page_stops_after_one_request), [run.Out, run.Error]);
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_not_followed()
    {
        await using var fake = await FakeGitHub.StartAsync();
        fake.AddFault(new FakeFault(200, "[]", new Dictionary<string, string> { ["Link"] = "<https://evil.invalid/steal?page=2>; rel=\"next\"" }, "GET"));
        var (run, _) = await CheckWithGitHubAsync(fake);
        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("points to another host (evil.invalid)", run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGitHub.Token, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_chain_of_next_pages_stops_at_the_page_cap()
    {
        await using var fake = await FakeGitHub.StartAsync();
        for (var page = 2; page <= ModelGate.GitHub.Rest.GitHubRestClient.MaxPages + 5; page++)
        {
            var next = new Uri(fake.ApiBase, $"repos/octo-org/models/issues/7/comments?per_page=100&page={page}");
            fake.AddFault(new FakeFault(200, "[]", new Dictionary<string, string> { ["Link"] = $"<{next}>; rel=\"next\"" }, "GET"));
        }

        var (run, seconds) = await CheckWithGitHubAsync(fake);
        Assert.True(run.ExitCode == 4, run.ToString());
        Assert.Contains("more than 100 pages of comments", run.Out + run.Error, StringComparison.Ordinal);
        Assert.Equal(ModelGate.GitHub.Rest.GitHubRestClient.MaxPages, fake.Requests.Count(r => r.Method == "GET"));
        Assert.True(seconds < 60, $"{seconds} s");
    }

    [Fact]
    public void The_fork_templates_and_the_docs_agree_and_check_the_head_sha()
    {
        var evaluate = File.ReadAllText(RepoPaths.Path("docs/templates/modelgate-fork-evaluate.yml"));
        var comment = File.ReadAllText(RepoPaths.Path("docs/templates/modelgate-fork-comment.yml"));
        var docs = File.ReadAllText(RepoPaths.Path("docs/github.md"));
        foreach (var text in new[] { comment, docs })
        {
            Assert.Contains("HEAD_SHA: ${{ github.event.workflow_run.head_sha }}", text, StringComparison.Ordinal);
            Assert.Contains("--jq .head.sha)\" = \"$HEAD_SHA\"", text, StringComparison.Ordinal);
            Assert.Contains("modelgate-report/pr-number.txt", text, StringComparison.Ordinal);
            Assert.Contains("--pr \"$PR\"", text, StringComparison.Ordinal);
        }

        Assert.Contains("> modelgate-report/pr-number.txt", evaluate, StringComparison.Ordinal);
        Assert.Contains("> modelgate-report/pr-number.txt", docs, StringComparison.Ordinal);
        Assert.Contains("name: modelgate-report", evaluate, StringComparison.Ordinal);
        Assert.Contains("name: modelgate-report", comment, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Env(FakeGitHub fake) => new(StringComparer.Ordinal)
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_EVENT_NAME"] = "workflow_run",
        ["GITHUB_REPOSITORY"] = "octo-org/models",
        ["GITHUB_TOKEN"] = FakeGitHub.Token,
        ["GITHUB_API_URL"] = fake.ApiBase.ToString(),
        ["MODELGATE_PLANTED_SECRET"] = Secrets.Token,
    };

    private static async Task<CliRun> CommentAsync(FakeGitHub fake, string commentMarkdown, string reportJson)
    {
        using var w = new Workspace("breast-cancer");
        Directory.CreateDirectory(w.OutDir);
        w.Write("out/comment.md", commentMarkdown);
        w.Write("out/report.json", reportJson);
        return await w.RunAsync(Env(fake), CancellationToken.None, "comment", "--report-dir", "out", "--pr", "7");
    }

    private static async Task<(CliRun Run, double Seconds)> CheckWithGitHubAsync(FakeGitHub fake)
    {
        using var w = new Workspace("breast-cancer");
        var env = Env(fake);
        env["GITHUB_STEP_SUMMARY"] = w.File("step-summary.md");
        var watch = Stopwatch.StartNew();
        var run = await w.RunAsync(env, CancellationToken.None, HostileCase.Check("--github", "--pr", "7"));
        Assert.Contains("ModelGate", File.ReadAllText(w.File("step-summary.md")), StringComparison.Ordinal);
        return (run, watch.Elapsed.TotalSeconds);
    }
}
