using System.Reflection;

namespace ModelGate.GitHub.Rest;

/// <summary>Where the REST API lives and who calls it: base URL (GHES keeps its path prefix), token, product version.</summary>
internal sealed record GitHubConnection
{
    /// <summary>github.com's API, used when <c>GITHUB_API_URL</c> is not set.</summary>
    public static readonly Uri PublicApi = new("https://api.github.com/");

    /// <summary>Creates a connection; the base URL always ends with a slash so relative paths keep its prefix.</summary>
    public GitHubConnection(Uri apiBase, GitHubToken token, string? productVersion = null)
    {
        ArgumentNullException.ThrowIfNull(apiBase);
        ArgumentNullException.ThrowIfNull(token);
        if (!apiBase.IsAbsoluteUri || (apiBase.Scheme != Uri.UriSchemeHttps && apiBase.Scheme != Uri.UriSchemeHttp))
        {
            throw new GitHubSetupException(
                $"GITHUB_API_URL '{apiBase}' is not an http(s) URL; use e.g. https://api.github.com or https://ghes.example/api/v3.");
        }

        ApiBase = apiBase.AbsoluteUri.EndsWith('/') ? apiBase : new Uri(apiBase.AbsoluteUri + "/");
        Token = token;
        ProductVersion = productVersion ?? AssemblyVersion();
    }

    /// <summary>The API root, ending with '/' (e.g. https://ghes.example/api/v3/).</summary>
    public Uri ApiBase { get; }

    /// <summary>The token sent as <c>Authorization: Bearer</c>.</summary>
    public GitHubToken Token { get; }

    /// <summary>Sent as <c>User-Agent: ModelGate/&lt;version&gt;</c>.</summary>
    public string ProductVersion { get; }

    /// <summary>
    /// Reads <c>GITHUB_API_URL</c> and the token (explicit input first, then <c>GITHUB_TOKEN</c>);
    /// throws <see cref="GitHubSetupException"/> when no token is available.
    /// </summary>
    public static GitHubConnection FromEnvironment(Func<string, string?> environment, string? tokenInput = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var token = GitHubToken.FromInputOrEnvironment(tokenInput, environment)
            ?? throw new GitHubSetupException(
                "no GitHub token: pass --github-token or set GITHUB_TOKEN (in a workflow: env: GITHUB_TOKEN: ${{ github.token }}).");
        var url = environment("GITHUB_API_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            return new GitHubConnection(PublicApi, token);
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var apiBase))
        {
            throw new GitHubSetupException(
                $"GITHUB_API_URL '{url}' is not a URL; use e.g. https://api.github.com or https://ghes.example/api/v3.");
        }

        return new GitHubConnection(apiBase, token);
    }

    /// <summary>True when <paramref name="uri"/> is on the same scheme, host and port as the API base (the token may go there).</summary>
    public bool IsSameOrigin(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return Uri.Compare(uri, ApiBase, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }

    /// <inheritdoc />
    public override string ToString() => $"GitHubConnection({ApiBase}, {Token})";

    private static string AssemblyVersion()
    {
        var informational = typeof(GitHubConnection).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
