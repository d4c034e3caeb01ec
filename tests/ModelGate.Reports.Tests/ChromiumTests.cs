using System.Diagnostics;
using ModelGate.Reports.Tests.Scenarios;

namespace ModelGate.Reports.Tests;

/// <summary>A fact that is skipped (not passed) when Debian's chromium is not installed: CI does not need a browser.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            Skip = "chromium is not installed (apt-get install -y chromium); eng/screenshot-report.sh does the same check by hand";
        }
    }
}

/// <summary>Opens each scenario's HTML in headless Chromium through eng/screenshot-report.sh: no console errors, a screenshot written.</summary>
public sealed class ChromiumTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("modelgate-html-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [ChromiumFact]
    public void Html_reports_open_without_console_errors()
    {
        foreach (var name in new[] { "failing", "multiclass" })
        {
            var s = Scenario.Named(name);
            var html = Path.Combine(_folder, name + ".html");
            var png = Path.Combine(_folder, name + ".png");
            File.WriteAllText(html, HtmlReport.Render(s.Result, s.Context));

            var (exit, output) = Run(Path.Combine(RepoPaths.Root, "eng", "screenshot-report.sh"), html, png);

            Assert.True(exit == 0, $"{name}: {output}");
            Assert.True(new FileInfo(png).Length > 20_000, $"{name}: the screenshot is suspiciously small");
        }
    }

    [ChromiumFact]
    public void The_script_reports_a_page_that_logs_a_console_error()
    {
        var html = Path.Combine(_folder, "broken.html");
        File.WriteAllText(html, "<!DOCTYPE html><html><body><script>console.error('boom')</script></body></html>");

        var (exit, output) = Run(Path.Combine(RepoPaths.Root, "eng", "screenshot-report.sh"), html, Path.Combine(_folder, "broken.png"));

        Assert.Equal(1, exit);
        Assert.Contains("boom", output, StringComparison.Ordinal);
    }

    private static (int Exit, string Output) Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(60)), "chromium did not finish within 60 s");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
