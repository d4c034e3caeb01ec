using System.Diagnostics;
using System.Globalization;
using ModelGate.GitHub.Actions;
using ModelGate.GitHub.Comments;
using ModelGate.GitHub.Rest;
using ModelGate.GitHub.Tests.Fakes;

namespace ModelGate.GitHub.Tests;

public sealed class FaultTests : IAsyncLifetime
{
    private const string Repo = "octo-org/models";
    private FakeGitHub _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeGitHub.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task A_429_with_retry_after_waits_exactly_that_long_then_posts()
    {
        _fake.AddFault(FakeFault.Error(429, "You have exceeded a secondary rate limit.", new Dictionary<string, string> { ["retry-after"] = "7" }));
        using var harness = new Harness(_fake);

        var outcome = await harness.PostAsync(1, "fraud", "pass", "report");

        Assert.Equal(CommentStatus.Created, outcome.Status);
        Assert.Equal([TimeSpan.FromSeconds(7)], harness.Delays);
        Assert.Equal(["GET", "GET", "POST"], _fake.Requests.Select(r => r.Method));
        Assert.Contains(harness.Log, l => l.Contains("rate limited (429)", StringComparison.Ordinal) && l.Contains("retrying in 7 s", StringComparison.Ordinal));
        Assert.Empty(_fake.SchemaViolations);
        harness.AssertNoSecret(outcome);
    }

    [Fact]
    public async Task A_403_with_no_remaining_quota_waits_until_the_reset_time()
    {
        var reset = Harness.Start.AddSeconds(42).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _fake.AddFault(FakeFault.Error(403, "API rate limit exceeded for installation ID 1.",
            new Dictionary<string, string> { ["x-ratelimit-remaining"] = "0", ["x-ratelimit-limit"] = "5000", ["x-ratelimit-reset"] = reset },
            method: "POST"));
        using var harness = new Harness(_fake);

        var outcome = await harness.PostAsync(1, "fraud", "pass", "report");

        Assert.Equal(CommentStatus.Created, outcome.Status);
        Assert.Equal([TimeSpan.FromSeconds(43)], harness.Delays); // reset + 1 s for clock skew
        Assert.Equal(["GET", "POST", "POST"], _fake.Requests.Select(r => r.Method));
        Assert.Single(_fake.Comments(Repo, 1));
        Assert.Empty(_fake.SchemaViolations);
    }

    [Fact]
    public async Task A_rate_limit_reset_beyond_the_time_bound_gives_up_without_waiting()
    {
        var reset = Harness.Start.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        _fake.AddFault(FakeFault.Error(403, "API rate limit exceeded",
            new Dictionary<string, string> { ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = reset }));
        using var harness = new Harness(_fake, RetryPolicy.Default with { TotalTimeBound = TimeSpan.FromMinutes(3) });

        var outcome = await harness.PostAsync(1, "fraud", "fail", "report");

        Assert.Equal(CommentStatus.NotPosted, outcome.Status);
        Assert.Equal(GitHubFault.RateLimited, outcome.Fault);
        Assert.Empty(harness.Delays);
        Assert.Contains("time bound of 180 s", outcome.Reason, StringComparison.Ordinal);
        Assert.False(outcome.IsSetupError);
    }

    [Fact]
    public async Task A_502_then_success_backs_off_once_with_jitter()
    {
        _fake.AddFault(FakeFault.Error(502, "Server Error"));
        using var harness = new Harness(_fake, RetryPolicy.Default with { BaseDelay = TimeSpan.FromSeconds(2) });

        var outcome = await harness.PostAsync(1, "fraud", "pass", "report");

        Assert.Equal(CommentStatus.Created, outcome.Status);
        // Equal jitter with a jitter draw of 0.5: half of 2 s fixed plus a quarter of it random.
        Assert.Equal([TimeSpan.FromSeconds(1.5)], harness.Delays);
        Assert.Contains(harness.Log, l => l.Contains("GitHub answered 502", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Persistent_5xx_stops_after_the_attempt_limit_with_exponential_delays()
    {
        for (var i = 0; i < 4; i++)
        {
            _fake.AddFault(FakeFault.Error(503, "Service Unavailable"));
        }

        using var harness = new Harness(_fake, RetryPolicy.Default with { MaxAttempts = 4, BaseDelay = TimeSpan.FromSeconds(1) });

        var outcome = await harness.PostAsync(1, "fraud", "pass", "report");

        Assert.Equal(CommentStatus.NotPosted, outcome.Status);
        Assert.Equal(GitHubFault.Unavailable, outcome.Fault);
        Assert.Equal([0.75, 1.5, 3.0], harness.Delays.Select(d => d.TotalSeconds));
        Assert.Contains("4 attempts failed", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(4, _fake.Requests.Count);
    }

    [Fact]
    public async Task One_time_bound_covers_all_the_calls_of_a_post()
    {
        // Alone, each call would fit in 25 s; together (7.5 s + 7.5 s + 15 s of waits) they do not.
        _fake.AddFault(FakeFault.Error(502, "Server Error", method: "GET"));
        _fake.AddFault(FakeFault.Error(502, "Server Error", method: "POST"));
        _fake.AddFault(FakeFault.Error(502, "Server Error", method: "POST"));
        using var harness = new Harness(_fake, RetryPolicy.Default with { BaseDelay = TimeSpan.FromSeconds(10), TotalTimeBound = TimeSpan.FromSeconds(25) });

        var outcome = await harness.PostAsync(1, "fraud", "pass", "report");

        Assert.Equal(CommentStatus.NotPosted, outcome.Status);
        Assert.Equal(GitHubFault.Unavailable, outcome.Fault);
        Assert.Equal([7.5, 7.5], harness.Delays.Select(d => d.TotalSeconds));
        Assert.Contains("would cross the time bound of 25 s", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(_fake.Comments(Repo, 1));
    }

    [Fact]
    public async Task A_read_only_fork_token_keeps_the_summary_and_the_exit_code()
    {
        _fake.AddFault(FakeFault.Error(403, "Resource not accessible by integration", method: "POST"));
        using var harness = new Harness(_fake);
        using var folder = new TempFolder();
        var summary = folder.File("step_summary.md");
        const string report = "## ModelGate: fail\n\n| check | verdict |\n|---|---|\n| auroc | fail |\n";

        // The CLI's order: reports and summary first, then the network.
        JobSummary.Append(summary, report);
        var outcome = await harness.PostAsync(11, "fraud", "fail", report);
        JobSummary.Append(summary, "\n" + outcome.Describe() + "\n");

        Assert.Equal(CommentStatus.NotPosted, outcome.Status);
        Assert.Equal(GitHubFault.ReadOnlyToken, outcome.Fault);
        Assert.False(outcome.IsCurrent);
        Assert.False(outcome.IsSetupError);
        Assert.Contains("workflow_run", outcome.Fix, StringComparison.Ordinal);
        Assert.Contains("pull-requests: write", outcome.Fix, StringComparison.Ordinal);
        var written = File.ReadAllText(summary);
        Assert.StartsWith(report, written, StringComparison.Ordinal);
        Assert.Contains("PR comment not posted: the token is read-only here", written, StringComparison.Ordinal);
        Assert.Empty(_fake.Comments(Repo, 11));
        Assert.Empty(harness.Delays);
        Assert.Empty(_fake.SchemaViolations);
        harness.AssertNoSecret(outcome, written);
    }

    [Fact]
    public async Task A_401_is_explained_in_one_line_and_the_echoed_token_is_masked()
    {
        _fake.AddFault(FakeFault.Error(401, $"Bad credentials: token {FakeGitHub.Token} has expired"));
        using var harness = new Harness(_fake);

        var outcome = await harness.PostAsync(1, "fraud", "pass", "report");

        Assert.Equal(CommentStatus.NotPosted, outcome.Status);
        Assert.Equal(GitHubFault.Unauthorized, outcome.Fault);
        Assert.StartsWith("the token cannot see this repository: ", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("token *** has expired", outcome.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', outcome.Describe());
        Assert.Contains("GITHUB_TOKEN", outcome.Fix, StringComparison.Ordinal);
        Assert.True(outcome.IsSetupError);
        Assert.Single(_fake.Requests);
        harness.AssertNoSecret(outcome);
    }

    [Fact]
    public async Task A_wrong_token_gets_the_servers_401()
    {
        using var harness = new Harness(_fake, token: "ghs_SECRET123_but_wrong");

        var outcome = await harness.PostAsync(1, "fraud", "pass", "report");

        Assert.Equal(GitHubFault.Unauthorized, outcome.Fault);
        Assert.Empty(_fake.SchemaViolations);
        harness.AssertNoSecret(outcome);
    }

    [Fact]
    public async Task A_404_says_the_token_cannot_see_the_repository()
    {
        _fake.AddFault(FakeFault.Error(404, "Not Found"));
        using var harness = new Harness(_fake);

        var outcome = await harness.PostAsync(1, "fraud", "pass", "report");

        Assert.Equal(GitHubFault.NotFound, outcome.Fault);
        Assert.StartsWith("the token cannot see this repository: octo-org/models pull request #1 was not found (404)", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("GITHUB_REPOSITORY", outcome.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_echoed_in_any_error_body_never_reaches_messages_or_logs()
    {
        var echo = $"token {FakeGitHub.Token} said hello";
        _fake.AddFault(FakeFault.Error(502, echo));
        _fake.AddFault(FakeFault.Error(429, echo, new Dictionary<string, string> { ["retry-after"] = "1" }));
        _fake.AddFault(FakeFault.Error(422, echo, method: "POST"));
        using var harness = new Harness(_fake);

        var outcome = await harness.PostAsync(1, "fraud", "pass", "report");
        var direct = await Assert.ThrowsAsync<GitHubApiException>(() =>
        {
            _fake.AddFault(FakeFault.Error(403, echo));
            return harness.Client.ListIssueCommentsAsync(Harness.Repository, 1);
        });

        Assert.Equal(GitHubFault.Rejected, outcome.Fault);
        Assert.Contains("token *** said hello", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(GitHubFault.Forbidden, direct.Fault);
        Assert.Equal(2, harness.Log.Count);
        harness.AssertNoSecret(outcome, direct, direct.Fix);
    }

    [Fact]
    public async Task A_server_that_never_answers_is_abandoned_within_the_time_bound()
    {
        for (var i = 0; i < 20; i++)
        {
            _fake.AddFault(new FakeFault(200, "[]", Hang: true));
        }

        var policy = new RetryPolicy
        {
            RequestTimeout = TimeSpan.FromMilliseconds(300),
            TotalTimeBound = TimeSpan.FromSeconds(1.5),
            BaseDelay = TimeSpan.FromMilliseconds(100),
            MaxAttempts = 100,
        };
        using var harness = new Harness(_fake, policy, SystemRetryClock.Instance);
        var watch = Stopwatch.StartNew();

        var outcome = await harness.PostAsync(1, "fraud", "pass", "report");

        watch.Stop();
        Assert.Equal(CommentStatus.NotPosted, outcome.Status);
        Assert.Equal(GitHubFault.Unavailable, outcome.Fault);
        Assert.Contains("no answer within", outcome.Reason, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.6), TimeSpan.FromSeconds(5));
        Assert.InRange(_fake.Requests.Count, 2, 6);
        harness.AssertNoSecret(outcome);
    }

    [Fact]
    public async Task A_next_page_link_to_another_host_is_not_followed()
    {
        _fake.AddFault(new FakeFault(200, "[]", new Dictionary<string, string>
        {
            ["Link"] = "<https://collector.invalid/repos/octo-org/models/issues/1/comments?page=2>; rel=\"next\"",
        }));
        using var harness = new Harness(_fake);

        var outcome = await harness.PostAsync(1, "fraud", "pass", "report");

        Assert.Equal(CommentStatus.NotPosted, outcome.Status);
        Assert.Contains("points to another host (collector.invalid)", outcome.Reason, StringComparison.Ordinal);
        Assert.Single(_fake.Requests);
    }

    [Fact]
    public async Task A_GHES_base_url_keeps_its_api_v3_prefix_on_every_call_and_page()
    {
        await using var ghes = await FakeGitHub.StartAsync("/api/v3", OpenApiSubset.Ghes);
        for (var i = 0; i < 150; i++)
        {
            ghes.AddComment(Repo, 8, i == 120 ? "<!-- modelgate:fraud verdict=pass -->\nold" : $"c{i}", i == 120 ? FakeUser.ActionsBot : FakeUser.Octocat);
        }

        var connection = GitHubConnection.FromEnvironment(name => name switch
        {
            "GITHUB_API_URL" => ghes.ApiBase.ToString().TrimEnd('/'),
            "GITHUB_TOKEN" => FakeGitHub.Token,
            _ => null,
        });
        using var client = new GitHubRestClient(connection, clock: new FakeClock(Harness.Start));

        var outcome = await new StickyComment(client).PostReportAsync(Harness.Request(8, "fraud", "fail", "new"));

        Assert.Equal(CommentStatus.Updated, outcome.Status);
        Assert.EndsWith("/api/v3/", connection.ApiBase.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(3, ghes.Requests.Count);
        Assert.All(ghes.Requests, r => Assert.StartsWith("/api/v3/repos/octo-org/models/issues/", r.Path, StringComparison.Ordinal));
        Assert.Empty(ghes.SchemaViolations);
        Assert.Contains("ghes-", OpenApiSubset.Ghes.Source, StringComparison.Ordinal);
    }
}
