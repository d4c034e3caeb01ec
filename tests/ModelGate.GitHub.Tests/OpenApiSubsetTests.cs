using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ModelGate.GitHub.Tests.Fakes;

namespace ModelGate.GitHub.Tests;

public sealed class OpenApiSubsetTests
{
    private const string List = "/repos/{owner}/{repo}/issues/{issue_number}/comments";
    private const string Comment = "/repos/{owner}/{repo}/issues/comments/{comment_id}";

    [Fact]
    public void The_extract_names_its_source_and_holds_the_four_operations()
    {
        var spec = OpenApiSubset.GitHubCom;

        Assert.StartsWith("@octokit/openapi@", spec.Source, StringComparison.Ordinal);
        Assert.Equal("issues/list-comments", spec.Operation(List, "get")["operationId"]!.GetValue<string>());
        Assert.Equal("issues/create-comment", spec.Operation(List, "post")["operationId"]!.GetValue<string>());
        Assert.Equal("issues/update-comment", spec.Operation(Comment, "patch")["operationId"]!.GetValue<string>());
        Assert.Equal("issues/delete-comment", spec.Operation(Comment, "delete")["operationId"]!.GetValue<string>());
        Assert.Contains(spec.Parameters(List, "get"), p => p["name"]!.GetValue<string>() == "per_page");
    }

    [Fact]
    public void The_validator_rejects_what_GitHub_would_not_send()
    {
        var spec = OpenApiSubset.GitHubCom;
        var schema = spec.Schema("issue-comment");
        var missingUser = new JsonObject
        {
            ["id"] = 1, ["node_id"] = "x", ["html_url"] = "https://github.com/a/b/pull/1", ["issue_url"] = "https://api.github.com/x",
            ["url"] = "https://api.github.com/y", ["created_at"] = "2026-01-01T00:00:00Z", ["updated_at"] = "not a date",
        };
        var wrongTypes = new JsonObject { ["body"] = 5, ["id"] = "seven" };

        Assert.Contains("$: missing required property 'user'", spec.Validate(missingUser, schema));
        Assert.Contains("$.updated_at: 'not a date' is not a date-time", spec.Validate(missingUser, schema));
        Assert.Contains("$.body: expected string, got 5", spec.Validate(wrongTypes, schema));
        Assert.Contains("$.id: expected integer, got \"seven\"", spec.Validate(wrongTypes, schema));
        Assert.Contains("$: missing required property 'body'", spec.Validate(new JsonObject(), spec.RequestSchema(List, "post")!));
        Assert.Contains("$.author_association: \"ROBOT\" is not one of the enum values",
            spec.Validate(new JsonObject { ["author_association"] = "ROBOT" }, schema));
        Assert.Empty(spec.Validate(new JsonObject { ["body"] = "ok" }, spec.RequestSchema(Comment, "patch")!));
    }

    [Fact]
    public async Task The_fake_flags_a_request_without_GitHubs_headers()
    {
        await using var fake = await FakeGitHub.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fake.ApiBase, "repos/o/r/issues/1/comments?per_page=500&color=red"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeGitHub.Token);

        using var response = await http.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode);
        var violations = fake.SchemaViolations;
        Assert.Contains(violations, v => v.Contains("User-Agent", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("X-GitHub-Api-Version", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("query parameter 'color' is not in the operation", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("per_page above GitHub's maximum", StringComparison.Ordinal));
    }
}
