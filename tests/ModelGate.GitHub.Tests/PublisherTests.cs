using ModelGate.GitHub.Actions;
using ModelGate.GitHub.Comments;
using ModelGate.GitHub.Rest;
using ModelGate.GitHub.Tests.Fakes;

namespace ModelGate.GitHub.Tests;

public sealed class PublisherTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private FakeGitHub _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeGitHub.StartAsync();

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_summary_outputs_and_annotations_are_written_before_the_first_request()
    {
        var (env, summary, output) = Environment();
        string? summaryAtFirstRequest = null;
        _fake.Observer = _ => summaryAtFirstRequest ??= File.ReadAllText(summary);
        _fake.AddFault(FakeFault.Error(403, "Resource not accessible by integration", method: "POST"));
        using var harness = new Harness(_fake);
        using var stdout = new StringWriter();
        var report = Report();

        var result = await new ActionsPublisher(env, stdout).PublishAsync(
            report, new CommentSettings(harness.Sticky, new PullRequestTarget(Harness.Repository, 21, null), "fraud"));

        Assert.Equal(report.SummaryMarkdown, summaryAtFirstRequest);
        Assert.Equal(CommentStatus.NotPosted, result.Comment!.Status);
        var finalSummary = File.ReadAllText(summary);
        Assert.StartsWith(report.SummaryMarkdown, finalSummary, StringComparison.Ordinal);
        Assert.EndsWith("\n" + result.Comment.Describe() + "\n", finalSummary, StringComparison.Ordinal);
        Assert.Equal("fail", RunnerOutputFile.Parse(File.ReadAllText(output))[0].Value);
        Assert.StartsWith("::error file=modelgate.yml,line=14,title=auroc::", stdout.ToString(), StringComparison.Ordinal);
        harness.AssertNoSecret(result.Comment, finalSummary, stdout.ToString(), File.ReadAllText(output));
    }

    [Fact]
    public async Task A_push_run_writes_the_summary_note_and_makes_no_request()
    {
        var (env, summary, _) = Environment();
        using var harness = new Harness(_fake);
        var target = PullRequestTarget.Resolve(env with { EventName = "push" }, null);

        var result = await new ActionsPublisher(env, TextWriter.Null).PublishAsync(Report(), new CommentSettings(harness.Sticky, target));

        Assert.Equal(CommentStatus.NoPullRequest, result.Comment!.Status);
        Assert.False(result.CommentSetupFailed);
        Assert.EndsWith("\nNo PR comment: the push event has no pull request; the verdict is in this summary only.\n", File.ReadAllText(summary), StringComparison.Ordinal);
        Assert.Empty(_fake.Requests);
    }

    [Fact]
    public async Task Without_comment_settings_only_the_local_files_are_written()
    {
        var (env, summary, output) = Environment();

        var result = await new ActionsPublisher(env, TextWriter.Null).PublishAsync(Report(), null);

        Assert.Null(result.Comment);
        Assert.Equal(Report().SummaryMarkdown, File.ReadAllText(summary));
        Assert.Equal(4, RunnerOutputFile.Parse(File.ReadAllText(output)).Count);
        Assert.False(result.CommentSetupFailed);
        Assert.True(new PublishResult(null, result.Annotations, new CommentOutcome(CommentStatus.NotPosted, Fault: GitHubFault.Unauthorized)).CommentSetupFailed);
    }

    private static GateReport Report() => new(
        "fail",
        "## ModelGate: fail\n\n| check | verdict |\n|---|---|\n| auroc | fail |\n",
        "## ModelGate: fail\n",
        "{\"verdict\":\"fail\"}",
        ["auroc"],
        [new Annotation(AnnotationLevel.Error, "modelgate.yml", 14, "auroc", "AUROC dropped by 0.03 (CI -0.05 to -0.01)", 1)]);

    private (ActionsEnvironment Env, string Summary, string Output) Environment()
    {
        var summary = _folder.File("summary.md");
        var output = _folder.File("output");
        File.WriteAllText(summary, string.Empty);
        var env = new ActionsEnvironment(true, "pull_request", null, "octo-org/models", summary, output);
        return (env, summary, output);
    }
}
