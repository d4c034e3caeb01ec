using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModelGate.Cli.Tests.Support;
using ModelGate.Engine;
using ModelGate.Onnx.Runtime;

namespace ModelGate.Cli.Tests;

/// <summary>
/// report.evidence end to end: the digits fixture (tests/fixtures/evidence, PNGs written from the holdout's own pixels)
/// scored by real ONNX models, the reports read back. A copy in a temp folder (models included) is broken image by image.
/// </summary>
public sealed partial class EvidenceTests
{
    private static readonly string Fixture = RepoPaths.Path("tests/fixtures/evidence");

    [Fact]
    public async Task The_html_report_embeds_thumbnails_of_the_worst_flips_and_the_worst_group()
    {
        using var scratch = Copy(out var policy);
        var reports = await RunAsync(policy, scratch.File("out"));

        var html = reports["report.html"];
        var pngs = DataUri().Matches(html).Select(m => Convert.FromBase64String(m.Groups[1].Value)).ToList();
        Assert.Equal(9, pngs.Count); // 3 negative flips, 6 misclassified rows of ink = medium (rows: 6)
        Assert.All(pngs, png => Assert.Equal((96, 96), PngSize(png)));
        Assert.DoesNotContain("image unavailable", html, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(reports["report.json"]);
        var evidence = json.RootElement.GetProperty("evidence");
        Assert.Equal("image", evidence.GetProperty("kind").GetString());
        var lists = evidence.GetProperty("lists").EnumerateArray().ToList();
        Assert.Equal(["d0266", "d0008", "d0367"], lists[0].GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("rowId").GetString()));
        Assert.Equal("Worst group: ink = medium", lists[1].GetProperty("title").GetString());
        Assert.Equal(6, lists[1].GetProperty("rows").GetArrayLength());
        var first = lists[0].GetProperty("rows")[0];
        Assert.Equal("images/d0266.png", first.GetProperty("value").GetString());
        Assert.Equal("9", first.GetProperty("label").GetString());
        Assert.Equal("9", first.GetProperty("baseline").GetProperty("class").GetString());
        Assert.NotEqual("9", first.GetProperty("candidate").GetProperty("class").GetString());
        Assert.DoesNotContain("base64", reports["report.json"], StringComparison.Ordinal);

        // The comment names the HTML report instead of embedding images.
        var comment = reports["comment.md"];
        Assert.DoesNotMatch("data:image|<img", comment);
        Assert.Contains("Thumbnails of these 9 rows (`image`) are in the HTML report `", comment, StringComparison.Ordinal);
        Assert.Contains("| `d0266` | 9 |", comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_corrupt_and_escaping_images_are_shown_as_unavailable_and_the_verdict_stands()
    {
        using var scratch = Copy(out var policy);
        var good = await RunAsync(policy, scratch.File("good"));
        var holdout = scratch.File("gate", "holdout.csv");
        File.WriteAllText(holdout, File.ReadAllText(holdout)
            .Replace("images/d0266.png", "images/gone.png", StringComparison.Ordinal)
            .Replace("images/d0367.png", "../outside.png", StringComparison.Ordinal));
        File.WriteAllText(scratch.File("gate", "images", "d0008.png"), "not a png at all");
        File.WriteAllBytes(scratch.File("outside.png"), File.ReadAllBytes(Path.Combine(Fixture, "images", "d0367.png")));

        var bad = await RunAsync(policy, scratch.File("bad"));

        using (var a = JsonDocument.Parse(good["report.json"]))
        using (var b = JsonDocument.Parse(bad["report.json"]))
        {
            Assert.Equal(a.RootElement.GetProperty("gate").GetRawText(), b.RootElement.GetProperty("gate").GetRawText());
        }

        var html = bad["report.html"];
        Assert.Contains("(image unavailable: the image &#39;images/gone.png&#39; does not exist)", html, StringComparison.Ordinal);
        Assert.Contains("(image unavailable: &#39;images/d0008.png&#39; is not an image ModelGate can read)", html, StringComparison.Ordinal);
        Assert.Contains("(image unavailable: the image path &#39;../outside.png&#39; leads out of the holdout&#39;s folder)", html, StringComparison.Ordinal);
        Assert.Equal(9 - 5, DataUri().Count(html)); // d0266 and d0008 are in both lists
        Assert.Contains("(image unavailable: the image 'images/gone.png' does not exist)", bad["comment.md"], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(bad["report.json"]);
        var flips = json.RootElement.GetProperty("evidence").GetProperty("lists")[0].GetProperty("rows");
        Assert.Equal("the image 'images/gone.png' does not exist", flips[0].GetProperty("imageUnavailable").GetString());
    }

    [Fact]
    public async Task Text_evidence_is_escaped_and_shortened_in_every_report()
    {
        using var scratch = Copy(out var policy);
        File.WriteAllText(policy, File.ReadAllText(policy)
            .Replace("column: image\n    kind: image", "column: note\n    kind: text\n    max_chars: 50", StringComparison.Ordinal));

        var reports = await RunAsync(policy, scratch.File("out"));

        // "Scan d0266 of a "9": <b>medium</b> strokes & 309 ink — ..." cut at 50 characters, the ellipsis the 50th.
        const string Shown = "Scan d0266 of a &quot;9&quot;: &lt;b&gt;medium&lt;/b&gt; strokes &amp; 309 …";
        Assert.Contains("<blockquote>" + Shown + "</blockquote>", reports["report.html"], StringComparison.Ordinal);
        Assert.DoesNotContain("<b>medium", reports["report.html"], StringComparison.Ordinal);
        Assert.DoesNotContain("data:image", reports["report.html"], StringComparison.Ordinal);
        Assert.Contains("| `d0266` | 9 |", reports["comment.md"], StringComparison.Ordinal);
        Assert.Contains("| Scan d0266 of a \"9\": &lt;b&gt;medium&lt;/b&gt; strokes &amp; 309 … |", reports["comment.md"], StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", reports["comment.md"], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(reports["report.json"]);
        var row = json.RootElement.GetProperty("evidence").GetProperty("lists")[0].GetProperty("rows")[0];
        Assert.Equal("Scan d0266 of a \"9\": <b>medium</b> strokes & 309 …", row.GetProperty("value").GetString());
        Assert.False(row.TryGetProperty("imageUnavailable", out _));
    }

    [Fact]
    public void The_run_url_is_built_only_from_well_formed_github_variables()
    {
        static Func<string, string?> Env(string server, string repository, string run) => name => name switch
        {
            "GITHUB_SERVER_URL" => server,
            "GITHUB_REPOSITORY" => repository,
            "GITHUB_RUN_ID" => run,
            _ => null,
        };

        Assert.Equal("https://github.com/acme/models/actions/runs/123", RunOrigin.RunUrl(Env("https://github.com", "acme/models", "123")));
        Assert.Equal("https://ghe.example/acme/models/actions/runs/9", RunOrigin.From(Env("https://ghe.example/", "acme/models", "9"), null).RunUrl);
        Assert.Null(RunOrigin.RunUrl(Env("http://github.com", "acme/models", "123")));
        Assert.Null(RunOrigin.RunUrl(Env("javascript:alert(1)", "acme/models", "123")));
        Assert.Null(RunOrigin.RunUrl(Env("https://github.com", "acme/models) [x](y", "123")));
        Assert.Null(RunOrigin.RunUrl(Env("https://github.com", "acme/models", "12#3")));
        Assert.Null(RunOrigin.RunUrl(_ => null));
    }

    private static TempFolder Copy(out string policy)
    {
        var scratch = new TempFolder("evidence");
        var folder = scratch.File("gate");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var model in new[] { "candidate", "baseline" })
        {
            File.Copy(RepoPaths.Example("digits-calibration", "models", model + ".onnx"), Path.Combine(folder, model + ".onnx"));
        }

        policy = Path.Combine(folder, "modelgate.yml");
        File.WriteAllText(policy, File.ReadAllText(policy).Replace("../../../examples/digits-calibration/models/", string.Empty, StringComparison.Ordinal));
        return scratch;
    }

    private static async Task<Dictionary<string, string>> RunAsync(string policy, string outDir)
    {
        var request = new GateRequest
        {
            PolicyPath = policy,
            Now = DateTimeOffset.FromUnixTimeSeconds(long.Parse(CliHarness.SourceDateEpoch, System.Globalization.CultureInfo.InvariantCulture)),
            WorkingDirectory = Path.GetDirectoryName(policy)!,
            Runtime = new OnnxRuntimeOptions { BaseDirectory = AppContext.BaseDirectory, CudaProbe = new() { NuGetPackagesFolder = CliHarness.EmptyNuGet } },
            OutDir = outDir,
        };
        using var log = new StringWriter();
        var run = await GateRun.ExecuteAsync(request, new RunLog(log), CancellationToken.None);
        Assert.Empty(run.Written.Failures);
        return Directory.GetFiles(outDir).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
    }

    // Width and height from the IHDR chunk, after checking the PNG signature.
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([137, 80, 78, 71, 13, 10, 26, 10], png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex DataUri();
}
