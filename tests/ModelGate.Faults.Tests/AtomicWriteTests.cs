using ModelGate.Reports.Files;

namespace ModelGate.Faults.Tests;

/// <summary>A report file is either the old whole file, the new whole file, or absent: never half-written.</summary>
public sealed class AtomicWriteTests
{
    [Fact]
    public void A_writer_that_fails_midway_leaves_the_other_reports_whole_and_no_partial_file()
    {
        using var w = new Workspace();
        var outDir = w.OutDir;
        Directory.CreateDirectory(Path.Combine(outDir, "report.json"));
        var big = string.Concat(Enumerable.Repeat("| row | value |\n", 50_000));
        ReportFile[] files =
        [
            new(Path.Combine(outDir, "report.md"), "# ModelGate\n" + big),
            new(Path.Combine(outDir, "report.json"), "{\"a\": 1}"),
            new(Path.Combine(outDir, "report.html"), "<html>ModelGate</html>"),
        ];

        var outcome = ReportWriter.WriteAll(files);

        Assert.Single(outcome.Failures);
        Assert.Contains("report.json: cannot write the report: a folder with that name exists", outcome.Failures[0].Message, StringComparison.Ordinal);
        Assert.Equal(2, outcome.Written.Count);
        Assert.Equal("# ModelGate\n" + big, File.ReadAllText(Path.Combine(outDir, "report.md")));
        Assert.True(Directory.Exists(Path.Combine(outDir, "report.json")));
        Assert.Empty(Directory.GetFiles(outDir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_report_is_written_under_a_hidden_temp_name_then_renamed()
    {
        using var w = new Workspace();
        Directory.CreateDirectory(w.OutDir);
        var target = Path.Combine(w.OutDir, "report.md");
        var renames = new List<(string From, string To)>();
        using var watcher = new FileSystemWatcher(w.OutDir) { IncludeSubdirectories = false, EnableRaisingEvents = true };
        watcher.Renamed += (_, e) =>
        {
            lock (renames)
            {
                renames.Add((e.OldName!, e.Name!));
            }
        };

        ReportWriter.Write(target, "# ModelGate\n" + new string('x', 2_000_000));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            lock (renames)
            {
                if (renames.Count > 0)
                {
                    break;
                }
            }

            Thread.Sleep(20);
        }

        lock (renames)
        {
            var rename = Assert.Single(renames);
            Assert.Equal("report.md", rename.To);
            Assert.StartsWith(".report.md.", rename.From, StringComparison.Ordinal);
            Assert.EndsWith(".tmp", rename.From, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_reader_never_sees_a_half_written_report_while_it_is_rewritten()
    {
        using var w = new Workspace();
        Directory.CreateDirectory(w.OutDir);
        var target = Path.Combine(w.OutDir, "report.md");
        var a = "# A\n" + new string('a', 1_000_000) + "\nEND\n";
        var b = "# B\n" + new string('b', 1_500_000) + "\nEND\n";
        ReportWriter.Write(target, a);
        using var stop = new CancellationTokenSource();
        var reads = 0;
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var seen = File.ReadAllText(target);
                Assert.True(seen == a || seen == b, $"a partial report of {seen.Length} characters was visible");
                reads++;
                reading.TrySetResult();
            }
        });

        // On a loaded machine the reader may start late: rewrite only once it is reading.
        await reading.Task.WaitAsync(TimeSpan.FromSeconds(30));

        for (var i = 0; i < 40; i++)
        {
            ReportWriter.Write(target, i % 2 == 0 ? b : a);
        }

        await stop.CancelAsync();
        await reader;
        Assert.True(reads > 0);
        Assert.Empty(Directory.GetFiles(w.OutDir, "*.tmp"));
    }
}
