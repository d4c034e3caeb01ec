using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelGate.Core.Results;
using ModelGate.Reports.Tests.Scenarios;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ModelGate.Reports.Tests;

/// <summary>
/// The evidence thumbnails render in headless Chromium: the page opens without console errors (eng/screenshot-report.sh),
/// every embedded image decodes (naturalWidth &gt; 0), and the screenshot shows ink where the first thumbnail is.
/// </summary>
public sealed partial class EvidenceChromiumTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("modelgate-evidence-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [ChromiumFact]
    public void Thumbnails_decode_and_show_in_the_screenshot()
    {
        // Real PNGs of the digits fixture (8 x 8, shown at 96 px), and one row whose image could not be read.
        var s = Scenario.Named("failing");
        var rows = new[] { "d0001", "d0002", "d0003" }
            .Select(id => EvidenceReportTests.Row(id, $"images/{id}.png", EvidenceImage.Of(File.ReadAllBytes(RepoPaths.Path($"tests/fixtures/evidence/images/{id}.png")), 96, 96)))
            .Append(EvidenceReportTests.Row("d0004", "images/d0004.png", EvidenceImage.Missing("the image 'images/d0004.png' does not exist")))
            .ToArray();
        var html = HtmlReport.Render(s.Result, EvidenceReportTests.With(s.Context, EvidenceKind.Image, rows));
        var page = Path.Combine(_folder, "report.html");
        File.WriteAllText(page, html);
        var (exit, output) = Run("bash", Path.Combine(RepoPaths.Root, "eng", "screenshot-report.sh"), page, Path.Combine(_folder, "report.png"));
        Assert.True(exit == 0, output);

        var (probe, dom, measured) = Measure(html);

        Assert.Equal(3, measured.Length);
        Assert.All(measured, m => Assert.Equal([8, 8, 96, 96], m[..4])); // naturalWidth, naturalHeight, shown width, height

        var shot = Path.Combine(_folder, "probe.png");
        Run("chromium", [.. Flags, "--screenshot=" + shot, new Uri(probe).AbsoluteUri]);
        using var image = Image.Load<Rgb24>(shot);
        var (left, top) = (measured[0][4], measured[0][5]);
        var dark = 0;
        for (var y = top; y < top + 96; y++)
        {
            for (var x = left; x < left + 96; x++)
            {
                var p = image[x, y];
                dark += p.R + p.G + p.B < 3 * 96 ? 1 : 0;
            }
        }

        // A digit is a few dark strokes on white: neither a blank square nor a solid one.
        Assert.InRange(dark, 96 * 96 / 20, 96 * 96 * 3 / 4);
        Assert.Contains("(image unavailable: the image 'images/d0004.png' does not exist)", dom, StringComparison.Ordinal); // as the browser serialises the DOM
    }

    [ChromiumFact]
    public void The_digits_images_examples_report_shows_thumbnails_that_decode()
    {
        // The committed report of examples/digits-images (the example tests keep it equal to a real run): its policy sets
        // no report.evidence, so the evidence is its image entry's column.
        var html = File.ReadAllText(RepoPaths.Path("examples/digits-images/expected/report.html"));
        var (_, dom, measured) = Measure(html);

        Assert.Equal(24, measured.Length); // 12 worst negative flips, 12 rows of the worst group
        Assert.All(measured, m => Assert.True(m[0] > 0 && m[1] > 0, $"a thumbnail did not decode: {string.Join(", ", m)}"));
        Assert.DoesNotContain("image unavailable", dom, StringComparison.Ordinal);
    }

    // A copy of the page that may run one script: it moves the gallery to the top of the page and writes what it
    // measured of each image (naturalWidth, naturalHeight, shown width, height, left, top).
    private (string Probe, string Dom, int[][] Measured) Measure(string html)
    {
        var probe = Path.Combine(_folder, "probe.html");
        File.WriteAllText(probe, html
            .Replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';", StringComparison.Ordinal)
            .Replace("</body>", ProbeScript + "</body>", StringComparison.Ordinal));
        var (_, dom) = Run("chromium", [.. Flags, "--dump-dom", new Uri(probe).AbsoluteUri]);
        return (probe, dom, JsonSerializer.Deserialize<int[][]>(System.Net.WebUtility.HtmlDecode(Probe().Match(dom).Groups[1].Value))!);
    }

    private const string ProbeScript = """
        <pre id="probe"></pre><script>
        window.addEventListener('load', () => {
          const gallery = document.querySelector('.evidence');
          document.querySelector('main').prepend(gallery);
          const shown = [...gallery.querySelectorAll('img')].map(i => { const r = i.getBoundingClientRect(); return [i.naturalWidth, i.naturalHeight, Math.round(r.width), Math.round(r.height), Math.round(r.left), Math.round(r.top)]; });
          document.getElementById('probe').textContent = JSON.stringify(shown);
        });
        </script>

        """;

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--virtual-time-budget=2000", "--window-size=1200,2000",
    ];

    private (int Exit, string Output) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        if (program == "chromium")
        {
            start.ArgumentList.Insert(0, "--user-data-dir=" + Directory.CreateDirectory(Path.Combine(_folder, "profile-" + Guid.NewGuid().ToString("N"))).FullName);
        }

        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(60)), $"{program} did not finish within 60 s");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    [GeneratedRegex("<pre id=\"probe\">([^<]*)</pre>")]
    private static partial Regex Probe();
}
