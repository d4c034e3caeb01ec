using ModelGate.GitHub.Comments;
using ModelGate.GitHub.Tests.Fakes;

namespace ModelGate.GitHub.Tests;

public sealed class StickyCommentTests : IAsyncLifetime
{
    private const string Repo = "octo-org/models";
    private FakeGitHub _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeGitHub.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task First_post_creates_one_comment_opening_with_the_keyed_marker()
    {
        using var harness = new Harness(_fake);

        var outcome = await harness.PostAsync(7, "fraud", "fail", "## ModelGate: fail\n\nAUROC dropped.");

        Assert.Equal(CommentStatus.Created, outcome.Status);
        Assert.True(outcome.IsCurrent);
        var comment = Assert.Single(_fake.Comments(Repo, 7));
        Assert.Equal("<!-- modelgate:fraud verdict=fail -->\n## ModelGate: fail\n\nAUROC dropped.", comment.Body);
        Assert.Equal(comment.Id, outcome.CommentId);
        Assert.Equal($"https://github.com/{Repo}/pull/7#issuecomment-{comment.Id}", outcome.Url!.ToString());
        Assert.Equal(["GET", "POST"], _fake.Requests.Select(r => r.Method));
        var list = _fake.Requests[0];
        Assert.Equal("/repos/octo-org/models/issues/7/comments", list.Path);
        Assert.Equal("?per_page=100", list.Query);
        Assert.StartsWith("ModelGate/", list.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal("application/vnd.github+json", list.Headers["Accept"]);
        Assert.Equal("2022-11-28", list.Headers["X-GitHub-Api-Version"]);
        Assert.Equal("Bearer " + FakeGitHub.Token, list.Headers["Authorization"]);
        Assert.Empty(_fake.SchemaViolations);
        harness.AssertNoSecret(outcome);
    }

    [Fact]
    public async Task Update_finds_the_comment_on_the_third_page_of_250()
    {
        for (var i = 0; i < 250; i++)
        {
            var body = i == 230 ? "<!-- modelgate:fraud verdict=pass -->\nold report" : $"review comment {i}";
            _fake.AddComment(Repo, 12, body, i == 230 ? FakeUser.ActionsBot : FakeUser.Octocat);
        }

        var ours = _fake.Comments(Repo, 12)[230].Id;
        using var harness = new Harness(_fake);

        var outcome = await harness.PostAsync(12, "fraud", "fail", "new report");

        Assert.Equal(CommentStatus.Updated, outcome.Status);
        Assert.Equal(ours, outcome.CommentId);
        Assert.Equal(250, _fake.Comments(Repo, 12).Count);
        Assert.Equal("<!-- modelgate:fraud verdict=fail -->\nnew report", _fake.Comments(Repo, 12)[230].Body);
        Assert.Equal(
            ["GET ?per_page=100", "GET ?per_page=100&page=2", "GET ?per_page=100&page=3", $"PATCH "],
            _fake.Requests.Select(r => $"{r.Method} {r.Query}"));
        Assert.Equal($"/repos/{Repo}/issues/comments/{ours}", _fake.Requests[^1].Path);
        Assert.Empty(_fake.SchemaViolations);
    }

    [Fact]
    public async Task Two_gates_with_different_keys_keep_separate_comments()
    {
        using var harness = new Harness(_fake);

        var fraud = await harness.PostAsync(3, "fraud", "pass", "fraud report 1");
        var churn = await harness.PostAsync(3, "churn", "fail", "churn report 1");
        var fraudAgain = await harness.PostAsync(3, "fraud", "fail", "fraud report 2");

        Assert.Equal(CommentStatus.Created, fraud.Status);
        Assert.Equal(CommentStatus.Created, churn.Status);
        Assert.Equal(CommentStatus.Updated, fraudAgain.Status);
        Assert.Equal(fraud.CommentId, fraudAgain.CommentId);
        Assert.Equal(
            ["<!-- modelgate:fraud verdict=fail -->\nfraud report 2", "<!-- modelgate:churn verdict=fail -->\nchurn report 1"],
            _fake.Comments(Repo, 3).Select(c => c.Body));
        Assert.Empty(_fake.SchemaViolations);
    }

    [Fact]
    public async Task Another_users_comment_with_the_marker_text_is_left_alone()
    {
        var quoted = "> <!-- modelgate:fraud verdict=fail -->\n> why did this fail?";
        var copied = "<!-- modelgate:fraud verdict=fail -->\ncopied the bot's comment";
        var quotedId = _fake.AddComment(Repo, 5, quoted, FakeUser.Octocat);
        var copiedId = _fake.AddComment(Repo, 5, copied, FakeUser.Octocat);
        using var harness = new Harness(_fake);

        var outcome = await harness.PostAsync(5, "fraud", "fail", "the real report");

        Assert.Equal(CommentStatus.Created, outcome.Status);
        var comments = _fake.Comments(Repo, 5);
        Assert.Equal([quotedId, copiedId, outcome.CommentId!.Value], comments.Select(c => c.Id));
        Assert.Equal([quoted, copied], comments.Take(2).Select(c => c.Body));
        Assert.DoesNotContain(_fake.Requests, r => r.Method is "PATCH" or "DELETE");
    }

    [Fact]
    public async Task A_bot_comment_with_the_marker_further_down_is_not_ours()
    {
        var mention = "Another tool's comment mentioning <!-- modelgate:fraud verdict=fail -->";
        _fake.AddComment(Repo, 5, mention, FakeUser.ActionsBot);
        using var harness = new Harness(_fake);

        var outcome = await harness.PostAsync(5, "fraud", "fail", "report");

        Assert.Equal(CommentStatus.Created, outcome.Status);
        Assert.Equal(mention, _fake.Comments(Repo, 5)[0].Body);
    }

    [Fact]
    public async Task A_named_author_rule_accepts_only_that_login()
    {
        _fake.TokenUser = new FakeUser("release-bot-pat", 99, "User");
        var botsId = _fake.AddComment(Repo, 6, "<!-- modelgate:fraud verdict=pass -->\nby the actions bot", FakeUser.ActionsBot);
        var patId = _fake.AddComment(Repo, 6, "<!-- modelgate:fraud verdict=pass -->\nby the PAT user", _fake.TokenUser);
        using var harness = new Harness(_fake);

        var outcome = await harness.Sticky.PostReportAsync(
            Harness.Request(6, "fraud", "fail", "new") with { Author = CommentAuthorRule.Exactly("release-bot-pat") });

        Assert.Equal(CommentStatus.Updated, outcome.Status);
        Assert.Equal(patId, outcome.CommentId);
        Assert.EndsWith("by the actions bot", _fake.Comments(Repo, 6).Single(c => c.Id == botsId).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recreate_deletes_the_old_comment_and_posts_a_new_one()
    {
        var old = _fake.AddComment(Repo, 9, "<!-- modelgate:fraud verdict=pass -->\nold", FakeUser.ActionsBot);
        using var harness = new Harness(_fake);

        var outcome = await harness.PostAsync(9, "fraud", "pass", "new", CommentMode.Recreate);

        Assert.Equal(CommentStatus.Recreated, outcome.Status);
        var comment = Assert.Single(_fake.Comments(Repo, 9));
        Assert.NotEqual(old, comment.Id);
        Assert.Equal(comment.Id, outcome.CommentId);
        Assert.Equal(["GET", "DELETE", "POST"], _fake.Requests.Select(r => r.Method));
        Assert.Empty(_fake.SchemaViolations);
    }

    [Fact]
    public async Task Changed_only_skips_the_same_verdict_and_updates_a_new_one()
    {
        var old = _fake.AddComment(Repo, 4, "<!-- modelgate:fraud verdict=fail -->\nold", FakeUser.ActionsBot);
        using var harness = new Harness(_fake);

        var same = await harness.PostAsync(4, "fraud", "Fail", "same verdict, new numbers", CommentMode.ChangedOnly);
        var changed = await harness.PostAsync(4, "fraud", "pass", "now passing", CommentMode.ChangedOnly);

        Assert.Equal(CommentStatus.Unchanged, same.Status);
        Assert.Equal(old, same.CommentId);
        Assert.Equal(CommentStatus.Updated, changed.Status);
        Assert.Equal("<!-- modelgate:fraud verdict=pass -->\nnow passing", Assert.Single(_fake.Comments(Repo, 4)).Body);
        Assert.Equal(["GET", "GET", "PATCH"], _fake.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task No_pull_request_means_no_network_call_and_the_note_as_reason()
    {
        using var harness = new Harness(_fake);
        var target = new Actions.PullRequestTarget(Harness.Repository, null, "No PR comment: the push event has no pull request.");

        var outcome = await harness.Sticky.PostReportAsync(new PostReportRequest(target, "fraud", "pass", "report"));

        Assert.Equal(CommentStatus.NoPullRequest, outcome.Status);
        Assert.Equal("No PR comment: the push event has no pull request.", outcome.Describe());
        Assert.False(outcome.IsSetupError);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task A_report_longer_than_the_comment_limit_is_cut_before_posting()
    {
        using var harness = new Harness(_fake);
        var report = "```\n" + string.Concat(Enumerable.Repeat("row 0123456789\n", 6000));

        var outcome = await harness.PostAsync(2, "fraud", "fail", report);

        Assert.Equal(CommentStatus.Created, outcome.Status);
        var body = Assert.Single(_fake.Comments(Repo, 2)).Body;
        Assert.True(body.Length <= CommentBody.MaxLength, $"{body.Length} characters");
        Assert.EndsWith(CommentBody.TruncationNote, body, StringComparison.Ordinal);
        Assert.Contains("\n```" + CommentBody.TruncationNote, body, StringComparison.Ordinal);
        Assert.Empty(_fake.SchemaViolations);
    }

    [Fact]
    public async Task Older_copies_of_our_comment_are_removed_and_the_newest_is_kept()
    {
        var older = _fake.AddComment(Repo, 13, "<!-- modelgate:fraud verdict=pass -->\nfirst try", FakeUser.ActionsBot);
        var human = _fake.AddComment(Repo, 13, "<!-- modelgate:fraud verdict=pass -->\nhuman copy", FakeUser.Octocat);
        var newer = _fake.AddComment(Repo, 13, "<!-- modelgate:fraud verdict=pass -->\nretried", FakeUser.ActionsBot);
        var otherGate = _fake.AddComment(Repo, 13, "<!-- modelgate:churn verdict=pass -->\nchurn", FakeUser.ActionsBot);
        using var harness = new Harness(_fake);

        var outcome = await harness.PostAsync(13, "fraud", "fail", "current");

        Assert.Equal(CommentStatus.Updated, outcome.Status);
        Assert.Equal(newer, outcome.CommentId);
        Assert.Equal(1, outcome.DuplicatesRemoved);
        Assert.Equal([human, newer, otherGate], _fake.Comments(Repo, 13).Select(c => c.Id));
        Assert.Equal(["GET", "DELETE", "PATCH"], _fake.Requests.Select(r => r.Method));
        Assert.EndsWith($"/issues/comments/{older}", _fake.Requests[1].Path, StringComparison.Ordinal);
    }
}
