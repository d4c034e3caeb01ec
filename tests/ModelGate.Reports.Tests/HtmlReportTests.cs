using System.Text.RegularExpressions;
using System.Xml.Linq;
using ModelGate.Reports.Tests.Scenarios;

namespace ModelGate.Reports.Tests;

/// <summary>The HTML page is self-contained, has the charts as inline SVG, and no raw Mermaid.</summary>
public sealed partial class HtmlReportTests
{
    [Theory]
    [InlineData("failing")]
    [InlineData("multiclass")]
    [InlineData("regression")]
    public void Nothing_is_fetched_from_the_network(string name)
    {
        var s = Scenario.Named(name);
        var html = HtmlReport.Render(s.Result, s.Context);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(ExternalSource().Matches(html));
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_are_inline_svg_and_mermaid_is_dropped()
    {
        var s = Scenario.Named("failing");
        var html = HtmlReport.Render(s.Result, s.Context);

        Assert.DoesNotContain("mermaid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("xychart", html, StringComparison.Ordinal);
        var svgs = SvgBlock().Matches(html).Select(m => XElement.Parse(m.Value)).ToList();
        Assert.Equal(["Reliability diagram (ECE (equal-width, top-label))", "ROC curves", "Recall (TPR) by group, worst 12 of 12"], svgs.Select(Title));

        // Reliability: both models and the diagonal; ROC: both models.
        Assert.Equal(2, svgs[0].Elements(Svg("polyline")).Count());
        Assert.Equal(2, svgs[1].Elements(Svg("polyline")).Count());

        // Slice bars: one bar and one whisker per defined group.
        Assert.Equal(11, svgs[2].Elements(Svg("rect")).Count());
        Assert.Equal(11, svgs[2].Elements(Svg("path")).Count());
    }

    [Fact]
    public void Markdown_tables_and_details_are_rendered_to_html()
    {
        var s = Scenario.Named("failing");
        var html = HtmlReport.Render(s.Result, s.Context);

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Hashes, versions and settings", html, StringComparison.Ordinal);
        Assert.DoesNotContain("| status |", html, StringComparison.Ordinal);
    }

    [Fact]
    public void User_text_cannot_inject_markup()
    {
        var s = Scenario.Named("failing");
        var checks = s.Result.Checks.Select((c, i) => i == 0 ? c with { Reason = "<img src=x onerror=alert(1)> **bold**" } : c).ToList();
        var html = HtmlReport.Render(s.Result with { Checks = checks }, s.Context);

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; **bold**", html, StringComparison.Ordinal);
    }

    private static XName Svg(string local) => XName.Get(local, "http://www.w3.org/2000/svg");

    private static string Title(XElement svg) => svg.Element(Svg("title"))!.Value;

    [GeneratedRegex("(src|href)\\s*=\\s*\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalSource();

    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgBlock();
}
