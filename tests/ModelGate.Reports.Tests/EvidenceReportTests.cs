using System.Text.Json;
using System.Text.RegularExpressions;
using ModelGate.Core.Results;
using ModelGate.Reports.Html;
using ModelGate.Reports.Tests.Scenarios;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Tests;

/// <summary>report.evidence in each report: texts that try to break out of HTML or Markdown stay inert, images that could not be read say why.</summary>
public sealed partial class EvidenceReportTests
{
    private const string Hostile = "<script>alert('x')</script> \"quoted\" & 'single' | *bold* [link](http://evil) @octocat 🙂\nsecond line";

    internal static readonly string LongWord = string.Concat(Enumerable.Repeat("Donaudampfschiff", 40));

    internal static EvidenceRow Row(string id, string value, EvidenceImage? image = null) =>
        new(id, "<7>", new EvidencePrediction("3", 0.91234), new EvidencePrediction("<7>", 0.8), value) { Image = image };

    internal static ReportContext With(ReportContext context, EvidenceKind kind, params EvidenceRow[] rows) => context with
    {
        Evidence = new RowEvidence(kind, "note <col>", 60, [new EvidenceList("Worst negative flips", "Baseline right, candidate wrong: <b>2</b>.", rows)])
        {
            HtmlFile = "modelgate-report/report.html",
        },
    };

    [Fact]
    public void Html_escapes_script_quotes_and_markup_and_shortens_long_words_and_emoji_whole()
    {
        var s = Scenario.Named("failing");
        var emoji = string.Concat(Enumerable.Repeat("👩‍👩‍👧", 80));
        var html = HtmlReport.Render(s.Result, With(s.Context, EvidenceKind.Text, Row("r<1>", Hostile), Row("r2", LongWord), Row("r3", emoji)));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>2</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<col>", html, StringComparison.Ordinal);
        var quotes = Blockquotes().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, quotes.Count);
        Assert.Equal("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39; | *bold* [l…", quotes[0]);
        Assert.Equal(LongWord[..59] + "…", quotes[1]);
        Assert.Equal(string.Concat(Enumerable.Repeat("👩‍👩‍👧", 59)) + "…", quotes[2]);
        Assert.Contains("<b>row r&lt;1&gt;</b> · label &lt;7&gt;<br>candidate 3 (0.9123)<br>baseline &lt;7&gt; (0.8000)", html, StringComparison.Ordinal);
        Assert.Contains("overflow-wrap:anywhere", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_escapes_the_text_and_points_to_the_html_report_and_the_run()
    {
        var s = Scenario.Named("failing");
        var context = With(s.Context, EvidenceKind.Text, Row("r1", Hostile));
        context = context with { Evidence = context.Evidence! with { RunUrl = "https://github.com/acme/models/actions/runs/42" } };

        var comment = MarkdownReport.RenderComment(s.Result, context);

        Assert.DoesNotContain("<script", comment, StringComparison.Ordinal);
        string[] expected =
        [
            "| `r1` | &lt;7&gt; | 3 (0.9123) | &lt;7&gt; (0.8000) | &lt;script&gt;alert('x')&lt;/script&gt; \"quoted\" &amp; 'single' \\| \\*bold\\* \\[l… |",
            "📝 The texts of this row (`note <col>`) are in the HTML report `modelgate-report/report.html`, in the [artifacts of this run](https://github.com/acme/models/actions/runs/42#artifacts).",
            "#### Worst negative flips\n\nBaseline right, candidate wrong: &lt;b&gt;2&lt;/b&gt;.",
        ];
        Assert.All(expected, e => Assert.Contains(e, comment, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unavailable_image_says_why_in_place_of_the_thumbnail_and_json_carries_paths_not_bytes()
    {
        var s = Scenario.Named("failing");
        var png = File.ReadAllBytes(RepoPaths.Path("tests/fixtures/evidence/images/d0001.png"));
        var context = With(s.Context, EvidenceKind.Image,
            Row("r1", "images/d0001.png", EvidenceImage.Of(png, 96, 96)),
            Row("r2", "images/<gone>.png", EvidenceImage.Missing("the image 'images/<gone>.png' does not exist")));

        var html = HtmlReport.Render(s.Result, context);
        var markdown = MarkdownReport.RenderSummary(s.Result, context);
        var json = JsonReport.Render(s.Result, context);

        Assert.Single(Regex.Matches(html, "<img src=\"data:image/png;base64,"));
        Assert.Contains("<img src=\"data:image/png;base64," + Convert.ToBase64String(png) + "\" width=\"96\" height=\"96\" alt=\"images/d0001.png\"", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"unavailable\">(image unavailable: the image &#39;images/&lt;gone&gt;.png&#39; does not exist)</div>", html, StringComparison.Ordinal);
        Assert.Contains("| `images/<gone>.png` (image unavailable: the image 'images/&lt;gone&gt;.png' does not exist) |", markdown, StringComparison.Ordinal);
        Assert.Contains("🖼️ Thumbnails of these 2 rows", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("base64", markdown + json, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var rows = doc.RootElement.GetProperty("evidence").GetProperty("lists")[0].GetProperty("rows");
        Assert.Equal("images/d0001.png", rows[0].GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("imageUnavailable").ValueKind);
        Assert.Equal("the image 'images/<gone>.png' does not exist", rows[1].GetProperty("imageUnavailable").GetString());
        Assert.Equal(0.91234, rows[0].GetProperty("candidate").GetProperty("confidence").GetDouble());
    }

    [Fact]
    public void Reports_without_evidence_have_no_evidence_section()
    {
        var s = Scenario.Named("failing");
        Assert.DoesNotContain("class=\"evidence\"", HtmlReport.Render(s.Result, s.Context), StringComparison.Ordinal);
        Assert.DoesNotContain("\"evidence\"", JsonReport.Render(s.Result, s.Context), StringComparison.Ordinal);
        Assert.DoesNotContain("of the worst rows", MarkdownReport.RenderComment(s.Result, s.Context), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short", 5, "short")]
    [InlineData("exactly", 7, "exactly")]
    [InlineData("toolong!", 7, "toolon…")]
    [InlineData("ab🙂cd", 3, "ab…")]
    [InlineData("ab🙂", 3, "ab🙂")]
    [InlineData("e\u0301e\u0301e\u0301e\u0301", 3, "e\u0301e\u0301…")]
    [InlineData("", 10, "")]
    public void Shortening_never_cuts_a_character_in_half(string text, int max, string expected) =>
        Assert.Equal(expected, EvidenceText.Shorten(text, max));

    [Fact]
    public void Html_escaping_covers_attributes_and_control_characters() =>
        Assert.Equal("&lt;a href=&quot;x&quot; onload=&#39;y&#39;&gt; &amp; z", EvidenceGallery.Escape("<a href=\"x\" onload='y'>\n&\tz"));

    [GeneratedRegex("<blockquote>(.*?)</blockquote>")]
    private static partial Regex Blockquotes();
}
