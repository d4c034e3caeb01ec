using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ModelGate.GitHub.Rest;

/// <summary>
/// The few REST calls ModelGate makes (issue comments: list, create, update, delete), with GitHub's retry
/// guidance, a total time bound, and the token kept out of every message.
/// </summary>
internal sealed class GitHubRestClient : IDisposable
{
    private const int PageSize = 100;
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly GitHubConnection _connection;
    private readonly RetryPolicy _policy;
    private readonly IRetryClock _clock;
    private readonly Func<double> _jitter;
    private readonly Action<string> _log;
    private readonly HttpClient _http;

    /// <summary>Creates a client; the handler defaults to <see cref="GitHubHttp.CreateHandler"/> (proxy from the environment).</summary>
    /// <param name="connection">API base and token.</param>
    /// <param name="policy">Timeouts, total time bound and backoff; <see cref="RetryPolicy.Default"/> when null.</param>
    /// <param name="clock">The clock and wait used between retries; the system clock when null.</param>
    /// <param name="log">Receives one token-free line per retry (e.g. for the console); ignored when null.</param>
    /// <param name="handler">The HTTP handler; disposed with the client.</param>
    /// <param name="jitter">A source of numbers in [0, 1) for backoff jitter; <see cref="Random.Shared"/> when null.</param>
    public GitHubRestClient(
        GitHubConnection connection,
        RetryPolicy? policy = null,
        IRetryClock? clock = null,
        Action<string>? log = null,
        HttpMessageHandler? handler = null,
        Func<double>? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _policy = policy ?? RetryPolicy.Default;
        _clock = clock ?? SystemRetryClock.Instance;
        _jitter = jitter ?? Random.Shared.NextDouble;
        _log = log ?? (_ => { });
        _http = new HttpClient(handler ?? GitHubHttp.CreateHandler(), disposeHandler: true)
        {
            // Each attempt has its own timeout from the policy; HttpClient's own would cut across retries.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The most comment pages read (100 comments each): a pull request has far fewer, a looping server far more.</summary>
    public const int MaxPages = 100;

    /// <summary>All comments on an issue or pull request, oldest first, following <c>Link: rel="next"</c> to the end.</summary>
    public async Task<IReadOnlyList<IssueComment>> ListIssueCommentsAsync(
        RepositoryName repository, int issueNumber, DateTimeOffset? deadline = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var giveUpAt = deadline ?? DeadlineFromNow();
        var target = Target(repository, issueNumber);
        var comments = new List<IssueComment>();
        Uri? page = Relative($"{RepoPath(repository)}/issues/{issueNumber.ToString(CultureInfo.InvariantCulture)}/comments?per_page={PageSize.ToString(CultureInfo.InvariantCulture)}");
        var visited = new HashSet<Uri>();
        while (page is not null)
        {
            if (!visited.Add(page))
            {
                // A Link header that points back at a page already read would loop for ever (6,673 requests in 15 s).
                throw new GitHubApiException(GitHubFault.Rejected, 200, $"GitHub's next-page link for {target} repeats a page already read; stopped", "check GITHUB_API_URL: a proxy or server in between is rewriting the Link header.");
            }

            if (visited.Count > MaxPages)
            {
                throw new GitHubApiException(GitHubFault.Rejected, 200, FormattableString.Invariant($"more than {MaxPages} pages of comments for {target}; stopped"), "delete old comments on the pull request, or post with --comment-mode recreate.");
            }

            var answer = await SendAsync(HttpMethod.Get, page, null, target, giveUpAt, cancellationToken).ConfigureAwait(false);
            var dtos = Deserialize(answer.Body, GitHubJson.Default.ListIssueCommentDto, target);
            comments.AddRange(dtos.Select(d => d.ToComment()));
            page = answer.Next;
            if (page is not null && !_connection.IsSameOrigin(page))
            {
                // Never send the token to another host because a header said so.
                throw new GitHubApiException(
                    GitHubFault.Rejected,
                    200,
                    $"GitHub's next-page link for {target} points to another host ({page.Host}); stopped to keep the token on {_connection.ApiBase.Host}",
                    "check GITHUB_API_URL: it must be the API host that serves the pages.");
            }
        }

        return comments;
    }

    /// <summary>Creates a comment on an issue or pull request.</summary>
    public async Task<IssueComment> CreateIssueCommentAsync(
        RepositoryName repository, int issueNumber, string body, DateTimeOffset? deadline = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var target = Target(repository, issueNumber);
        var uri = Relative($"{RepoPath(repository)}/issues/{issueNumber.ToString(CultureInfo.InvariantCulture)}/comments");
        var answer = await SendAsync(HttpMethod.Post, uri, BodyJson(body), target, deadline ?? DeadlineFromNow(), cancellationToken).ConfigureAwait(false);
        return Deserialize(answer.Body, GitHubJson.Default.IssueCommentDto, target).ToComment();
    }

    /// <summary>Replaces the body of an existing comment.</summary>
    public async Task<IssueComment> UpdateIssueCommentAsync(
        RepositoryName repository, long commentId, string body, DateTimeOffset? deadline = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var target = $"{repository} comment {commentId.ToString(CultureInfo.InvariantCulture)}";
        var answer = await SendAsync(HttpMethod.Patch, CommentUri(repository, commentId), BodyJson(body), target, deadline ?? DeadlineFromNow(), cancellationToken).ConfigureAwait(false);
        return Deserialize(answer.Body, GitHubJson.Default.IssueCommentDto, target).ToComment();
    }

    /// <summary>Deletes a comment.</summary>
    public async Task DeleteIssueCommentAsync(
        RepositoryName repository, long commentId, DateTimeOffset? deadline = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var target = $"{repository} comment {commentId.ToString(CultureInfo.InvariantCulture)}";
        await SendAsync(HttpMethod.Delete, CommentUri(repository, commentId), null, target, deadline ?? DeadlineFromNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The policy's total time bound from now; pass it to several calls so they share one bound
    /// (each call otherwise gets a bound of its own).
    /// </summary>
    public DateTimeOffset DeadlineFromNow() => _clock.UtcNow + _policy.TotalTimeBound;

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"GitHubRestClient({_connection})";

    private static string Target(RepositoryName repository, int issueNumber) =>
        $"{repository} pull request #{issueNumber.ToString(CultureInfo.InvariantCulture)}";

    private static string RepoPath(RepositoryName repository) =>
        $"repos/{Uri.EscapeDataString(repository.Owner)}/{Uri.EscapeDataString(repository.Name)}";

    private static string BodyJson(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return JsonSerializer.Serialize(new CommentBodyDto(body), GitHubJson.Default.CommentBodyDto);
    }

    private Uri CommentUri(RepositoryName repository, long commentId) =>
        Relative($"{RepoPath(repository)}/issues/comments/{commentId.ToString(CultureInfo.InvariantCulture)}");

    private Uri Relative(string path) => new(_connection.ApiBase, path);

    private T Deserialize<T>(string body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string target)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new JsonException("empty body");
        }
        catch (JsonException e)
        {
            throw new GitHubApiException(
                GitHubFault.Rejected,
                200,
                _connection.Token.Redact($"GitHub's answer for {target} is not the expected JSON ({ResponseProblem.OneLine(e.Message)})"),
                "check GITHUB_API_URL points at the REST API (GHES: https://HOST/api/v3).");
        }
    }

    private HttpRequestMessage Build(HttpMethod method, Uri uri, string? json)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("ModelGate", _connection.ProductVersion));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _connection.Token.Value);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = Json;
        }

        return request;
    }

    private async Task<Answer> SendAsync(
        HttpMethod method, Uri uri, string? json, string target, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var retries = 0;
        var rateLimitRetries = 0;
        for (var attempt = 1; ; attempt++)
        {
            var remaining = deadline - _clock.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw Redacted(new GitHubApiException(
                    GitHubFault.Unavailable,
                    null,
                    $"no time left for {target}: the time bound of {Seconds(_policy.TotalTimeBound)} was used up by earlier attempts",
                    "re-run the job; if it persists, check https://www.githubstatus.com or raise the time bound (--github-timeout)."));
            }

            var timeout = remaining < _policy.RequestTimeout ? remaining : _policy.RequestTimeout;
            string problem;
            TimeSpan wait;
            GitHubFault fault;
            int? status = null;
            using (var request = Build(method, uri, json))
            using (var attemptCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptCancel.CancelAfter(timeout > TimeSpan.Zero ? timeout : TimeSpan.FromMilliseconds(1));
                try
                {
                    using var response = await _http.SendAsync(request, attemptCancel.Token).ConfigureAwait(false);
                    var body = await response.Content.ReadAsStringAsync(attemptCancel.Token).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return new Answer(body, LinkHeader.Next(response.Headers));
                    }

                    var message = GitHubJson.ErrorMessage(body);
                    message = message is null ? null : _connection.Token.Redact(message);
                    var rateWait = RateLimitWait.FromHeaders(response.Headers, _clock.UtcNow);
                    var code = response.StatusCode;
                    if ((code == HttpStatusCode.Forbidden || code == HttpStatusCode.TooManyRequests)
                        && (rateWait is not null || code == HttpStatusCode.TooManyRequests || ResponseProblem.IsRateLimit(message)))
                    {
                        // GitHub: without headers wait at least a minute, then increasingly longer.
                        wait = rateWait ?? RateLimitWait.Unhinted * Math.Pow(2, rateLimitRetries++);
                        fault = GitHubFault.RateLimited;
                        problem = $"rate limited ({status.Value.ToString(CultureInfo.InvariantCulture)})";
                    }
                    else if (status >= 500)
                    {
                        wait = _policy.Backoff(retries++, _jitter());
                        fault = GitHubFault.Unavailable;
                        problem = $"GitHub answered {status.Value.ToString(CultureInfo.InvariantCulture)}";
                    }
                    else
                    {
                        throw Redacted(ResponseProblem.Final(code, message, target));
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    wait = _policy.Backoff(retries++, _jitter());
                    fault = GitHubFault.Unavailable;
                    problem = $"no answer within {Seconds(timeout)}";
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    wait = _policy.Backoff(retries++, _jitter());
                    fault = GitHubFault.Unavailable;
                    problem = $"connection failed ({ResponseProblem.OneLine(e.Message)})";
                }
            }

            var resumeAt = _clock.UtcNow + wait;
            if (attempt >= _policy.MaxAttempts || resumeAt >= deadline)
            {
                throw GiveUp(fault, status, target, problem, attempt, wait, resumeAt >= deadline);
            }

            _log(_connection.Token.Redact($"GitHub: {problem} for {target}; retrying in {Seconds(wait)} (attempt {attempt.ToString(CultureInfo.InvariantCulture)} of {_policy.MaxAttempts.ToString(CultureInfo.InvariantCulture)})"));
            await _clock.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private GitHubApiException GiveUp(GitHubFault fault, int? status, string target, string problem, int attempts, TimeSpan wait, bool pastBound)
    {
        var why = pastBound
            ? $"the next attempt (in {Seconds(wait)}) would cross the time bound of {Seconds(_policy.TotalTimeBound)}"
            : $"{attempts.ToString(CultureInfo.InvariantCulture)} attempts failed";
        var fix = fault == GitHubFault.RateLimited
            ? "re-run the job after the rate limit resets, or raise the time bound (--github-timeout)."
            : "re-run the job; if it persists, check https://www.githubstatus.com, the runner's network and HTTPS_PROXY/NO_PROXY.";
        return Redacted(new GitHubApiException(fault, status, $"{problem} for {target}; gave up because {why}", fix));
    }

    private GitHubApiException Redacted(GitHubApiException e) =>
        new(e.Fault, e.StatusCode, _connection.Token.Redact(e.Message), _connection.Token.Redact(e.Fix));

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString(span.TotalSeconds < 10 ? "0.##" : "0", CultureInfo.InvariantCulture) + " s";

    private sealed record Answer(string Body, Uri? Next);
}
