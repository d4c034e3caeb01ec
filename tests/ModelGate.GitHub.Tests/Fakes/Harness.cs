using ModelGate.GitHub.Actions;
using ModelGate.GitHub.Comments;
using ModelGate.GitHub.Rest;

namespace ModelGate.GitHub.Tests.Fakes;

/// <summary>A client wired to a fake GitHub with a fake clock, capturing every line it logs.</summary>
internal sealed class Harness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    public static readonly RepositoryName Repository = RepositoryName.Parse("octo-org/models");

    public Harness(FakeGitHub fake, RetryPolicy? policy = null, IRetryClock? clock = null, string token = FakeGitHub.Token)
    {
        Fake = fake;
        Clock = clock ?? new FakeClock(Start);
        Connection = new GitHubConnection(fake.ApiBase, GitHubToken.From(token)!);
        Client = new GitHubRestClient(Connection, policy ?? RetryPolicy.Default, Clock, Log.Add, jitter: () => 0.5);
        Sticky = new StickyComment(Client);
    }

    public FakeGitHub Fake { get; }

    public IRetryClock Clock { get; }

    public IReadOnlyList<TimeSpan> Delays => ((FakeClock)Clock).Delays;

    public GitHubConnection Connection { get; }

    public GitHubRestClient Client { get; }

    public StickyComment Sticky { get; }

    public List<string> Log { get; } = [];

    public static PostReportRequest Request(int pr, string key, string verdict, string report) =>
        new(new PullRequestTarget(Repository, pr, null), key, verdict, report);

    public List<CommentOutcome> Outcomes { get; } = [];

    public async Task<CommentOutcome> PostAsync(int pr, string key, string verdict, string report, CommentMode mode = CommentMode.Update)
    {
        var outcome = await Sticky.PostReportAsync(Request(pr, key, verdict, report) with { Mode = mode });
        Outcomes.Add(outcome);
        return outcome;
    }

    /// <summary>Every text the library produced in this test: logs, the outcome, ToString of the client and connection.</summary>
    public void AssertNoSecret(params object?[] more)
    {
        var texts = Log.Concat([Client.ToString(), Connection.ToString(), Connection.Token.ToString()])
            .Concat(more.Select(m => m switch
            {
                CommentOutcome o => string.Join("\n", o.ToString(), o.Describe(), o.Reason, o.Fix),
                Exception e => e.ToString(),
                _ => m?.ToString() ?? string.Empty,
            }));
        foreach (var text in texts)
        {
            Assert.DoesNotContain("SECRET123", text, StringComparison.Ordinal);
        }
    }

    /// <summary>Every scenario ends with the secrecy check: logs, outcomes, and what reached the server outside the header.</summary>
    public void Dispose()
    {
        Client.Dispose();
        AssertNoSecret([.. Outcomes]);
        Assert.All(Fake.Requests, r => Assert.DoesNotContain("SECRET123", r.Path + r.Query + r.Body, StringComparison.Ordinal));
    }
}
