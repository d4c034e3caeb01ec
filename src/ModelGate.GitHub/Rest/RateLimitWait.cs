using System.Globalization;
using System.Net.Http.Headers;

namespace ModelGate.GitHub.Rest;

/// <summary>GitHub's documented rate-limit guidance: retry-after first, then x-ratelimit-reset, else at least a minute.</summary>
internal static class RateLimitWait
{
    /// <summary>The wait before the next attempt when GitHub gives no hint (GitHub: "wait for at least one minute").</summary>
    public static readonly TimeSpan Unhinted = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The wait the headers ask for, or null when they say nothing about rate limits
    /// (then a 403 is a permission problem, not a limit).
    /// </summary>
    public static TimeSpan? FromHeaders(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (retryAfter.Date is { } date)
            {
                return date > now ? date - now : TimeSpan.Zero;
            }
        }

        if (Single(headers, "x-ratelimit-remaining") == "0")
        {
            // Reset is in epoch seconds; one more second covers clock skew between GitHub and the runner.
            if (long.TryParse(Single(headers, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
            {
                var reset = DateTimeOffset.FromUnixTimeSeconds(epoch) + TimeSpan.FromSeconds(1);
                return reset > now ? reset - now : TimeSpan.Zero;
            }

            return Unhinted;
        }

        return null;
    }

    private static string? Single(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
