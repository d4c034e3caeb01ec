using System.Net;

namespace ModelGate.GitHub.Rest;

/// <summary>Turns a failed answer into a one-line explanation and fix, in the user's terms.</summary>
internal static class ResponseProblem
{
    private const string ReadOnlyMarker = "Resource not accessible by integration";

    /// <summary>True when a 403 says the token is read-only (fork pull requests, restricted permissions).</summary>
    public static bool IsReadOnly(string? message) =>
        message is not null && message.Contains(ReadOnlyMarker, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the error message names a (secondary) rate limit.</summary>
    public static bool IsRateLimit(string? message) =>
        message is not null && message.Contains("rate limit", StringComparison.OrdinalIgnoreCase);

    /// <summary>The exception for a final, non-retryable answer.</summary>
    public static GitHubApiException Final(HttpStatusCode status, string? message, string target)
    {
        var code = (int)status;
        var said = string.IsNullOrWhiteSpace(message) ? string.Empty : $" (GitHub: \"{OneLine(message)}\")";
        return code switch
        {
            401 => new GitHubApiException(
                GitHubFault.Unauthorized,
                code,
                $"the token cannot see this repository: GitHub rejected the credentials (401) for {target}{said}",
                "pass a valid token: GITHUB_TOKEN: ${{ github.token }} in the step's env, or --github-token with an unexpired token."),
            404 => new GitHubApiException(
                GitHubFault.NotFound,
                code,
                $"the token cannot see this repository: {target} was not found (404){said}",
                "check GITHUB_REPOSITORY and the pull request number; a fine-grained token or app needs access to this repository with Pull requests: write."),
            403 when IsReadOnly(message) => new GitHubApiException(
                GitHubFault.ReadOnlyToken,
                code,
                $"the token is read-only here (403 Resource not accessible by integration) for {target}, as on pull requests from forks",
                "post from a separate workflow_run workflow with permissions: pull-requests: write (docs/github.md, \"Pull requests from forks\"), or give this job permissions: pull-requests: write."),
            403 => new GitHubApiException(
                GitHubFault.Forbidden,
                code,
                $"GitHub refused the request (403) for {target}{said}",
                "give the job permissions: pull-requests: write (or a token with that scope)."),
            _ => new GitHubApiException(
                GitHubFault.Rejected,
                code,
                $"GitHub answered {code} for {target}{said}",
                "check the request against GitHub's status page and retry; report a bug if it persists."),
        };
    }

    /// <summary>Collapses a server-provided message to one short line.</summary>
    public static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
