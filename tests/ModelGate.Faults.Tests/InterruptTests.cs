using System.Diagnostics;

namespace ModelGate.Faults.Tests;

/// <summary>Ctrl-C on the real process: it stops promptly with 130 and leaves neither a report nor a temp file.</summary>
public sealed class InterruptTests
{
    [Fact]
    public async Task Sigint_during_a_slow_run_exits_130_promptly_and_leaves_nothing_behind()
    {
        using var w = new Workspace();
        // A slow run: the holdout repeated to ~250k rows and many resamples.
        w.EditHoldoutLines(l =>
        {
            var rows = l.Skip(1).ToList();
            for (var i = 0; i < 1000; i++)
            {
                l.AddRange(rows);
            }
        });
        w.ReplaceInPolicy("resamples: 200", "resamples: 2000");

        var cli = CliPath();
        var start = new ProcessStartInfo(cli.FileName) { WorkingDirectory = w.Dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in cli.Prefix.Concat(["check", "--policy", "modelgate.yml", "--out", "out"]))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderrLines = new List<string>();
        var started = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderrLines)
            {
                stderrLines.Add(e.Data);
            }

            if (e.Data.Contains("ONNX Runtime", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        };
        process.BeginErrorReadLine();

        // Wait until the run is under way (models loaded, holdout being read), then press Ctrl-C.
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(300);
        Assert.False(process.HasExited, "the run finished before it could be interrupted");
        using (var kill = Process.Start("/bin/kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;
        string stderr;
        lock (stderrLines)
        {
            stderr = string.Join('\n', stderrLines);
        }

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{stderr}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed} to stop");
        Assert.Contains("modelgate: interrupted; no report was written for the unfinished run.", stderr, StringComparison.Ordinal);
        StackTraces.AssertNone(stderr);
        Assert.Empty(ReportFiles.In(w.OutDir));
        Assert.Empty(Directory.GetFiles(w.Dir, "*.tmp", SearchOption.AllDirectories));
    }

    /// <summary>The CLI built next to this test (same configuration), as apphost or 'dotnet dll'.</summary>
    private static (string FileName, string[] Prefix) CliPath()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var folder = RepoPaths.Path(Path.Combine("src", "ModelGate.Cli", "bin", configuration, "net10.0"));
        var apphost = Path.Combine(folder, "dotnet-modelgate");
        return File.Exists(apphost) ? (apphost, []) : ("dotnet", [Path.Combine(folder, "dotnet-modelgate.dll")]);
    }
}
