using System.Net;
using ModelGate.GitHub.Comments;
using ModelGate.GitHub.Rest;
using ModelGate.GitHub.Tests.Fakes;

namespace ModelGate.GitHub.Tests;

/// <summary>Runs alone: it swaps the process-wide <see cref="HttpClient.DefaultProxy"/>, which every other test also uses.</summary>
[CollectionDefinition(nameof(ProcessWideProxy), DisableParallelization = true)]
public sealed class ProcessWideProxy;

[Collection(nameof(ProcessWideProxy))]
public sealed class ProxyTests
{
    [Fact]
    public async Task Requests_go_through_the_default_proxy_that_HTTPS_PROXY_configures()
    {
        // .NET fills HttpClient.DefaultProxy from HTTP(S)_PROXY/NO_PROXY once per process; setting it directly is the
        // in-process equivalent. The GHES host name does not resolve, so only the proxy can deliver the requests.
        await using var fake = await FakeGitHub.StartAsync("/api/v3");
        await using var proxy = await ForwardProxy.StartAsync(new Uri(fake.ApiBase.GetLeftPart(UriPartial.Authority)));
        var original = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = new WebProxy(proxy.Address);
        try
        {
            var connection = new GitHubConnection(new Uri("http://ghes.test/api/v3"), GitHubToken.From(FakeGitHub.Token)!);
            using var client = new GitHubRestClient(connection, clock: new FakeClock(Harness.Start));

            var outcome = await new StickyComment(client).PostReportAsync(Harness.Request(4, "fraud", "pass", "via the proxy"));

            Assert.Equal(CommentStatus.Created, outcome.Status);
            Assert.Equal(
                ["http://ghes.test/api/v3/repos/octo-org/models/issues/4/comments?per_page=100", "http://ghes.test/api/v3/repos/octo-org/models/issues/4/comments"],
                proxy.Seen);
            Assert.Equal("<!-- modelgate:fraud verdict=pass -->\nvia the proxy", Assert.Single(fake.Comments("octo-org/models", 4)).Body);
            Assert.Empty(fake.SchemaViolations);
        }
        finally
        {
            HttpClient.DefaultProxy = original;
        }
    }
}
