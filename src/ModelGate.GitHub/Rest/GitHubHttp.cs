using System.Net;

namespace ModelGate.GitHub.Rest;

/// <summary>The HTTP handler ModelGate uses for GitHub.</summary>
internal static class GitHubHttp
{
    /// <summary>
    /// A handler that keeps the default proxy (on Linux it reads HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY),
    /// so runners behind a corporate proxy work without configuration.
    /// </summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        UseProxy = true,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(30),
    };
}
