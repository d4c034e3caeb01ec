using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ModelGate.Cli.Tests.Monitoring;

/// <summary>
/// A Debian-packaged server (Pushgateway, Prometheus) on a free 127.0.0.1 port. It runs under coreutils' timeout, so it
/// stops itself even if the test host dies; dispose kills it sooner.
/// </summary>
internal sealed class LocalServer : IAsyncDisposable
{
    private const int LifetimeSeconds = 300;
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private LocalServer(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri Url { get; }

    /// <summary>What the server printed so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="binary"/> with the arguments for its port and waits until <c>/-/ready</c> answers 200.</summary>
    public static async Task<LocalServer> StartAsync(string binary, Func<int, IEnumerable<string>> args)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("/usr/bin/timeout")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(LifetimeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(binary);
        foreach (var arg in args(port))
        {
            start.ArgumentList.Add(arg);
        }

        var server = new LocalServer(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}/"));
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitReadyAsync(binary);
        return server;
    }

    /// <summary>GET a path; the body as text (throws on a non-success status).</summary>
    public async Task<string> GetAsync(string pathAndQuery)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await client.GetStringAsync(new Uri(Url, pathAndQuery));
    }

    /// <summary>A loopback port nothing listens on (for a push that must fail).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.Append(line).Append('\n');
        }
    }

    private async Task WaitReadyAsync(string binary)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{binary} exited with {_process.ExitCode}: {Log}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Url, "-/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{binary} was not ready within 60 s: {Log}");
    }
}
