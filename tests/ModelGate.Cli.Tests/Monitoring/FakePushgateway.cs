using System.Net;
using System.Text;

namespace ModelGate.Cli.Tests.Monitoring;

/// <summary>An HTTP listener on a loopback port that answers pushes with scripted status codes and records what it got.</summary>
internal sealed class FakePushgateway : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<HttpStatusCode> _answers;
    private readonly Task _loop;

    public FakePushgateway(params HttpStatusCode[] answers)
    {
        _answers = new Queue<HttpStatusCode>(answers);
        Url = new Uri($"http://127.0.0.1:{LocalServer.FreePort()}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>(method, path, Authorization header, content type, body) of each request.</summary>
    public List<(string Method, string Path, string? Authorization, string? ContentType, string Body)> Requests { get; } = [];

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (Requests)
            {
                Requests.Add((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], context.Request.ContentType, body));
            }

            context.Response.StatusCode = (int)(_answers.Count > 0 ? _answers.Dequeue() : HttpStatusCode.OK);
            var text = Encoding.UTF8.GetBytes(context.Response.StatusCode >= 400 ? "scripted failure\n" : string.Empty);
            await context.Response.OutputStream.WriteAsync(text);
            context.Response.Close();
        }
    }
}
