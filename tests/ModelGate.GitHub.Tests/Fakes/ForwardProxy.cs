using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ModelGate.GitHub.Tests.Fakes;

/// <summary>A plain HTTP forward proxy on Kestrel that sends every request it receives on to one upstream server.</summary>
internal sealed class ForwardProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { UseProxy = false });
    private readonly List<string> _seen = [];

    private ForwardProxy(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = null!;

    /// <summary>The request targets as the client sent them (absolute-form for a proxy), e.g. http://ghes.test/api/v3/...</summary>
    public IReadOnlyList<string> Seen { get { lock (_seen) { return [.. _seen]; } } }

    public static async Task<ForwardProxy> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new ForwardProxy(app);
        app.Run(context => proxy.ForwardAsync(context, upstream));
        await app.StartAsync();
        proxy.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ForwardAsync(HttpContext context, Uri upstream)
    {
        var request = context.Request;
        lock (_seen)
        {
            _seen.Add($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
        }

        using var forwarded = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(upstream, request.Path.Value + request.QueryString.Value));
        if (request.ContentLength is > 0)
        {
            forwarded.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!forwarded.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                forwarded.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await _upstream.SendAsync(forwarded, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
