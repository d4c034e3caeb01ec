using ModelGate.GitHub.Comments;
using ModelGate.GitHub.Rest;

namespace ModelGate.GitHub.Tests;

public sealed class ConnectionTests
{
    [Fact]
    public void Without_GITHUB_API_URL_the_public_api_is_used_and_the_explicit_token_wins()
    {
        var connection = GitHubConnection.FromEnvironment(
            name => name == "GITHUB_TOKEN" ? "ghs_SECRET123_from_env" : null, tokenInput: "ghs_SECRET123_input");

        Assert.Equal(new Uri("https://api.github.com/"), connection.ApiBase);
        Assert.Equal("***", connection.Token.Redact("ghs_SECRET123_input"));
        Assert.Equal("ghs_SECRET123_from_env", connection.Token.Redact("ghs_SECRET123_from_env"));
        Assert.DoesNotContain("SECRET123", connection.ToString(), StringComparison.Ordinal);
        Assert.Equal("GitHubToken(***)", connection.Token.ToString());
    }

    [Fact]
    public void A_GHES_url_keeps_its_path_prefix()
    {
        var connection = GitHubConnection.FromEnvironment(name => name switch
        {
            "GITHUB_API_URL" => "https://ghes.example/api/v3",
            "GITHUB_TOKEN" => "t",
            _ => null,
        });

        Assert.Equal("https://ghes.example/api/v3/", connection.ApiBase.ToString());
        Assert.True(connection.IsSameOrigin(new Uri("https://GHES.example/api/v3/repos/a/b/issues/1/comments?page=2")));
        Assert.False(connection.IsSameOrigin(new Uri("https://ghes.example:8443/api/v3/")));
    }

    [Fact]
    public void No_token_is_a_setup_error_with_the_fix()
    {
        var e = Assert.Throws<GitHubSetupException>(() => GitHubConnection.FromEnvironment(_ => null));

        Assert.Contains("GITHUB_TOKEN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_handler_keeps_the_environment_proxy()
    {
        // On Linux HttpClient.DefaultProxy reads HTTPS_PROXY/HTTP_PROXY/NO_PROXY; it applies when UseProxy is on and no Proxy is set.
        using var handler = GitHubHttp.CreateHandler();

        Assert.True(handler.UseProxy);
        Assert.Null(handler.Proxy);
    }

    [Fact]
    public void The_marker_is_read_only_at_the_start_of_a_body()
    {
        var marker = new CommentMarker("fraud-model.v2", "Inconclusive");

        Assert.Equal("<!-- modelgate:fraud-model.v2 verdict=inconclusive -->", marker.Render());
        Assert.Equal(marker, CommentMarker.TryParseStart(marker.Render() + "\nreport"));
        Assert.Null(CommentMarker.TryParseStart(" " + marker.Render()));
        Assert.Null(CommentMarker.TryParseStart("> " + marker.Render()));
        Assert.Throws<GitHubSetupException>(() => new CommentMarker("two words", "pass"));
        Assert.Throws<GitHubSetupException>(() => new CommentMarker("key", "fail -->"));
    }

    [Fact]
    public void A_report_within_the_limit_is_posted_unchanged()
    {
        var marker = new CommentMarker("k", "pass");
        var report = new string('a', CommentBody.MaxLength - marker.Render().Length - 1);

        var body = CommentBody.Compose(marker, report);

        Assert.Equal(CommentBody.MaxLength, body.Length);
        Assert.EndsWith(report, body, StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_doubles_up_to_the_cap_with_equal_jitter()
    {
        var policy = new RetryPolicy { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8) };

        Assert.Equal(TimeSpan.FromSeconds(0.5), policy.Backoff(0, 0));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.Backoff(1, 1));
        Assert.Equal(TimeSpan.FromSeconds(6), policy.Backoff(3, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(8), policy.Backoff(10, 1));
    }
}
