using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ModelGate.Monitoring;

/// <summary>
/// Replaces one Pushgateway group with a run's metrics (HTTP PUT, so series of an earlier run of the same group do not
/// linger). Retries connection failures, timeouts, 429 and 5xx; never throws for a failed push, it returns the reason.
/// </summary>
internal sealed class PushgatewayClient(PushgatewayEndpoint endpoint, PushgatewayCredentials credentials, PushSettings settings, HttpMessageHandler? handler = null)
{
    /// <summary>Pushes <paramref name="metrics"/> (Prometheus text, which OpenMetrics text of gauges also is) to the group of <paramref name="key"/>.</summary>
    public async Task<PushOutcome> PushAsync(GroupingKey key, string metrics, string contentType, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(metrics);
        var uri = endpoint.GroupUri(key);
        var body = new UTF8Encoding(false).GetBytes(metrics);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        bound.CancelAfter(settings.TotalTimeout);
        using var client = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }, disposeHandler: handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        string problem = "not attempted";
        var pause = settings.FirstPause;
        for (var attempt = 1; attempt <= Math.Max(1, settings.Attempts); attempt++)
        {
            if (attempt > 1)
            {
                try
                {
                    await Task.Delay(pause, bound.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    return Failed(attempt - 1, problem + "; gave up after " + Seconds(settings.TotalTimeout));
                }

                pause *= 2;
            }

            using var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            credentials.Apply(request);
            try
            {
                using var response = await client.SendAsync(request, bound.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return new PushOutcome(true, attempt, null);
                }

                problem = await Describe(response, bound.Token).ConfigureAwait(false);
                if (!Retryable(response.StatusCode))
                {
                    return Failed(attempt, problem);
                }
            }
            catch (HttpRequestException e)
            {
                problem = e.Message;
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return Failed(attempt, $"no answer within {Seconds(settings.TotalTimeout)} (last: {problem})");
            }
        }

        return Failed(settings.Attempts, problem);
    }

    private PushOutcome Failed(int attempts, string problem) =>
        new(false, attempts, credentials.Redact(problem.ReplaceLineEndings(" ")));

    private static bool Retryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static async Task<string> Describe(HttpResponseMessage response, CancellationToken cancellation)
    {
        var text = string.Empty;
        try
        {
            text = (await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false)).Trim();
        }
        catch (HttpRequestException)
        {
            // The status line says enough.
        }

        var status = $"HTTP {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}";
        return text.Length == 0 ? status : $"{status}: {(text.Length > 200 ? text[..200] + "..." : text)}";
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
