using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ModelGate.Testing;

/// <summary>An account as GitHub shows it on a comment.</summary>
public sealed record FakeUser(string Login, long Id, string Type)
{
    public static FakeUser ActionsBot { get; } = new("github-actions[bot]", 41898282, "Bot");

    public static FakeUser Octocat { get; } = new("octocat", 583231, "User");
}

/// <summary>A canned answer the fake gives instead of the normal one (first matching request only).</summary>
public sealed record FakeFault(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, string? Method = null, bool Hang = false)
{
    public static FakeFault Error(int status, string message, IReadOnlyDictionary<string, string>? headers = null, string? method = null) =>
        new(status, new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest", ["status"] = status.ToString(CultureInfo.InvariantCulture) }.ToJsonString(), headers, method);
}

/// <summary>A request the fake received.</summary>
public sealed record SeenRequest(string Method, string Path, string Query, string? Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// GitHub's issue-comment endpoints on a real Kestrel server bound to 127.0.0.1:0. Every request and every response body
/// is checked against the committed OpenAPI extract; violations are collected in <see cref="SchemaViolations"/>.
/// </summary>
public sealed partial class FakeGitHub : IAsyncDisposable
{
    public const string Token = "ghs_SECRET123";
    private const string ListTemplate = "/repos/{owner}/{repo}/issues/{issue_number}/comments";
    private const string CommentTemplate = "/repos/{owner}/{repo}/issues/comments/{comment_id}";

    private readonly object _gate = new();
    private readonly WebApplication _app;
    private readonly string _prefix;
    private readonly OpenApiSubset _spec;
    private readonly List<FakeFault> _faults = [];
    private readonly List<SeenRequest> _requests = [];
    private readonly List<string> _violations = [];
    private readonly Dictionary<long, (string Issue, string Body, FakeUser User)> _comments = [];
    private long _nextId = 1_000;

    private FakeGitHub(WebApplication app, string prefix, OpenApiSubset spec)
    {
        _app = app;
        _prefix = prefix;
        _spec = spec;
    }

    /// <summary>The API base as a client should be configured with it (includes the GHES prefix).</summary>
    public Uri ApiBase { get; private set; } = null!;

    /// <summary>The identity the token belongs to: comments created through the API are authored by it.</summary>
    public FakeUser TokenUser { get; set; } = FakeUser.ActionsBot;

    /// <summary>Called for every request before it is answered (e.g. to look at files the client wrote before calling).</summary>
    public Action<SeenRequest>? Observer { get; set; }

    public IReadOnlyList<SeenRequest> Requests { get { lock (_gate) { return [.. _requests]; } } }

    public IReadOnlyList<string> SchemaViolations { get { lock (_gate) { return [.. _violations]; } } }

    /// <summary>Starts the server; <paramref name="prefix"/> like "/api/v3" makes it a GHES-shaped host.</summary>
    public static async Task<FakeGitHub> StartAsync(string prefix = "", OpenApiSubset? spec = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeGitHub(app, prefix, spec ?? OpenApiSubset.GitHubCom);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.ApiBase = new Uri(address.TrimEnd('/') + prefix + "/");
        return fake;
    }

    public void AddFault(FakeFault fault)
    {
        lock (_gate) { _faults.Add(fault); }
    }

    /// <summary>Stores a comment as if posted earlier; returns its id.</summary>
    public long AddComment(string repository, int issue, string body, FakeUser user)
    {
        lock (_gate)
        {
            var id = _nextId++;
            _comments[id] = ($"{repository}#{issue.ToString(CultureInfo.InvariantCulture)}", body, user);
            return id;
        }
    }

    public IReadOnlyList<(long Id, string Body, FakeUser User)> Comments(string repository, int issue)
    {
        var key = $"{repository}#{issue.ToString(CultureInfo.InvariantCulture)}";
        lock (_gate)
        {
            return _comments.Where(c => c.Value.Issue == key).OrderBy(c => c.Key).Select(c => (c.Key, c.Value.Body, c.Value.User)).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }

        var seen = new SeenRequest(request.Method, request.Path.Value ?? string.Empty, request.QueryString.Value ?? string.Empty, body,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        Observer?.Invoke(seen);
        FakeFault? fault;
        lock (_gate)
        {
            _requests.Add(seen);
            fault = _faults.FirstOrDefault(f => f.Method is null || string.Equals(f.Method, request.Method, StringComparison.OrdinalIgnoreCase));
            if (fault is not null)
            {
                _faults.Remove(fault);
            }
        }

        var path = seen.Path.StartsWith(_prefix, StringComparison.Ordinal) ? seen.Path[_prefix.Length..] : "(outside the API prefix)";
        var (template, match) = Route(path);
        if (template is null)
        {
            await Respond(context, null, 404, Error("Not Found"));
            return;
        }

        if (fault is not null)
        {
            if (fault.Hang)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, which is what the test wants.
                }

                return;
            }

            foreach (var (name, value) in fault.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            await Respond(context, (template, request.Method), fault.Status, JsonNode.Parse(fault.Body));
            return;
        }

        if (request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            await Respond(context, (template, request.Method), 401, Error("Bad credentials"));
            return;
        }

        CheckRequest(template, request, body);
        var owner = match!.Groups["owner"].Value;
        var repo = match.Groups["repo"].Value;
        var repository = owner + "/" + repo;
        switch (template, request.Method)
        {
            case (ListTemplate, "GET"):
                await List(context, template, repository, int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture));
                break;
            case (ListTemplate, "POST"):
                var issue = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
                var id = AddComment(repository, issue, JsonNode.Parse(body!)!["body"]!.GetValue<string>(), TokenUser);
                await Respond(context, (template, "POST"), 201, CommentJson(repository, id));
                break;
            case (CommentTemplate, "PATCH") or (CommentTemplate, "DELETE"):
                var commentId = long.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture);
                await EditOrDelete(context, template, repository, commentId, body);
                break;
            default:
                await Respond(context, null, 404, Error("Not Found"));
                break;
        }
    }

    private async Task List(HttpContext context, string template, string repository, int issue)
    {
        var perPage = int.TryParse(context.Request.Query["per_page"], CultureInfo.InvariantCulture, out var p) ? Math.Min(p, 100) : 30;
        var page = int.TryParse(context.Request.Query["page"], CultureInfo.InvariantCulture, out var n) ? n : 1;
        var all = Comments(repository, issue);
        var lastPage = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = new JsonArray(all.Skip((page - 1) * perPage).Take(perPage).Select(c => (JsonNode)CommentJson(repository, c.Id)).ToArray());
        var links = new List<string>();
        string Page(int number) =>
            $"<{ApiBase}repos/{repository}/issues/{issue.ToString(CultureInfo.InvariantCulture)}/comments?per_page={perPage.ToString(CultureInfo.InvariantCulture)}&page={number.ToString(CultureInfo.InvariantCulture)}>";
        if (page > 1)
        {
            links.Add(Page(page - 1) + "; rel=\"prev\"");
        }

        if (page < lastPage)
        {
            links.Add(Page(page + 1) + "; rel=\"next\"");
            links.Add(Page(lastPage) + "; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add(Page(1) + "; rel=\"first\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers["Link"] = string.Join(", ", links);
        }

        await Respond(context, (template, "GET"), 200, items);
    }

    private async Task EditOrDelete(HttpContext context, string template, string repository, long id, string? body)
    {
        lock (_gate)
        {
            if (!_comments.TryGetValue(id, out var existing) || !existing.Issue.StartsWith(repository + "#", StringComparison.Ordinal))
            {
                existing = default;
            }
            else if (context.Request.Method == "DELETE")
            {
                _comments.Remove(id);
            }
            else
            {
                _comments[id] = existing with { Body = JsonNode.Parse(body!)!["body"]!.GetValue<string>() };
            }

            if (existing.Issue is null)
            {
                id = -1;
            }
        }

        if (id < 0)
        {
            await Respond(context, null, 404, Error("Not Found"));
        }
        else if (context.Request.Method == "DELETE")
        {
            await Respond(context, (template, "DELETE"), 204, null);
        }
        else
        {
            await Respond(context, (template, "PATCH"), 200, CommentJson(repository, id));
        }
    }

    private JsonObject CommentJson(string repository, long id)
    {
        (string Issue, string Body, FakeUser User) comment;
        lock (_gate) { comment = _comments[id]; }
        var issue = comment.Issue[(comment.Issue.IndexOf('#', StringComparison.Ordinal) + 1)..];
        var ids = id.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = "IC_kwDOA" + ids,
            ["url"] = $"{ApiBase}repos/{repository}/issues/comments/{ids}",
            ["html_url"] = $"https://github.com/{repository}/pull/{issue}#issuecomment-{ids}",
            ["body"] = comment.Body,
            ["user"] = UserJson(comment.User),
            ["created_at"] = "2026-11-20T10:00:00Z",
            ["updated_at"] = "2026-11-21T10:00:00Z",
            ["issue_url"] = $"{ApiBase}repos/{repository}/issues/{issue}",
            ["author_association"] = comment.User.Type == "Bot" ? "NONE" : "CONTRIBUTOR",
            ["performed_via_github_app"] = null,
        };
    }

    private static JsonObject UserJson(FakeUser user)
    {
        var root = "https://api.github.com/users/" + Uri.EscapeDataString(user.Login);
        return new JsonObject
        {
            ["login"] = user.Login,
            ["id"] = user.Id,
            ["node_id"] = "MDQ6VXNlcj" + user.Id.ToString(CultureInfo.InvariantCulture),
            ["avatar_url"] = "https://avatars.githubusercontent.com/u/" + user.Id.ToString(CultureInfo.InvariantCulture),
            ["gravatar_id"] = "",
            ["url"] = root,
            ["html_url"] = "https://github.com/" + Uri.EscapeDataString(user.Login),
            ["followers_url"] = root + "/followers",
            ["following_url"] = root + "/following{/other_user}",
            ["gists_url"] = root + "/gists{/gist_id}",
            ["starred_url"] = root + "/starred{/owner}{/repo}",
            ["subscriptions_url"] = root + "/subscriptions",
            ["organizations_url"] = root + "/orgs",
            ["repos_url"] = root + "/repos",
            ["events_url"] = root + "/events{/privacy}",
            ["received_events_url"] = root + "/received_events",
            ["type"] = user.Type,
            ["site_admin"] = false,
        };
    }

    private static JsonObject Error(string message) => new()
    {
        ["message"] = message,
        ["documentation_url"] = "https://docs.github.com/rest",
    };

    private void CheckRequest(string template, HttpRequest request, string? body)
    {
        var problems = new List<string>();
        if (!request.Headers.UserAgent.ToString().StartsWith("ModelGate/", StringComparison.Ordinal))
        {
            problems.Add($"User-Agent '{request.Headers.UserAgent}' is not ModelGate/<version>");
        }

        if (request.Headers.Accept.ToString() != "application/vnd.github+json")
        {
            problems.Add($"Accept '{request.Headers.Accept}'");
        }

        if (request.Headers["X-GitHub-Api-Version"].ToString() != "2022-11-28")
        {
            problems.Add("X-GitHub-Api-Version missing or wrong");
        }

        var parameters = _spec.Parameters(template, request.Method);
        foreach (var (name, value) in request.Query)
        {
            var parameter = parameters.FirstOrDefault(p => p["in"]!.GetValue<string>() == "query" && p["name"]!.GetValue<string>() == name);
            if (parameter is null)
            {
                problems.Add($"query parameter '{name}' is not in the operation");
                continue;
            }

            var type = parameter["schema"]!["type"]!.GetValue<string>();
            if (type == "integer" && !int.TryParse(value, CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"query parameter '{name}' = '{value}' is not an integer");
            }
        }

        if (request.Query.TryGetValue("per_page", out var perPage) && int.Parse(perPage!, CultureInfo.InvariantCulture) > 100)
        {
            problems.Add("per_page above GitHub's maximum of 100");
        }

        var schema = _spec.RequestSchema(template, request.Method);
        if (schema is not null)
        {
            if (!request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) ?? true)
            {
                problems.Add($"Content-Type '{request.ContentType}' is not application/json");
            }

            problems.AddRange(_spec.Validate(body is null ? null : JsonNode.Parse(body), schema, "request"));
        }
        else if (body is not null)
        {
            problems.Add($"{request.Method} {template} takes no body");
        }

        Record(problems.Select(p => $"{request.Method} {template}: {p}"));
    }

    private async Task Respond(HttpContext context, (string Template, string Method)? operation, int status, JsonNode? body)
    {
        if (body is not null)
        {
            // Responses the operation documents follow its schema; other errors follow GitHub's basic-error shape.
            var documented = operation is { } op ? _spec.Response(op.Template, op.Method, status) : null;
            var schema = documented?["content"]?["application/json"]?["schema"]?.AsObject()
                ?? (status >= 400 ? _spec.Schema("basic-error") : null);
            if (schema is null && operation is not null)
            {
                Record([$"{operation} {status.ToString(CultureInfo.InvariantCulture)}: no schema for this response"]);
            }
            else if (schema is not null)
            {
                Record(_spec.Validate(body, schema, "response").Select(p => $"{operation} {status.ToString(CultureInfo.InvariantCulture)}: {p}"));
            }
        }

        context.Response.StatusCode = status;
        context.Response.Headers["X-GitHub-Media-Type"] = "github.v3; format=json";
        context.Response.Headers["X-GitHub-Api-Version-Selected"] = "2022-11-28";
        if (body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(body.ToJsonString());
        }
    }

    private void Record(IEnumerable<string> problems)
    {
        lock (_gate) { _violations.AddRange(problems); }
    }

    private static (string? Template, Match? Match) Route(string path)
    {
        var list = ListPath().Match(path);
        if (list.Success)
        {
            return (ListTemplate, list);
        }

        var comment = CommentPath().Match(path);
        return comment.Success ? (CommentTemplate, comment) : (null, null);
    }

    [GeneratedRegex(@"^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)/issues/(?<number>\d+)/comments$")]
    private static partial Regex ListPath();

    [GeneratedRegex(@"^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)/issues/comments/(?<id>\d+)$")]
    private static partial Regex CommentPath();
}
