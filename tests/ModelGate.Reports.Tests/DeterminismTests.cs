using ModelGate.Reports.Tests.Scenarios;

namespace ModelGate.Reports.Tests;

/// <summary>Same inputs, same bytes; the clock comes from the context, never from the machine.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Rendering_twice_gives_identical_output_in_every_format()
    {
        foreach (var s in Scenario.All)
        {
            Assert.Equal(MarkdownReport.RenderComment(s.Result, s.Context), MarkdownReport.RenderComment(s.Result, s.Context));
            Assert.Equal(JsonReport.Render(s.Result, s.Context), JsonReport.Render(s.Result, s.Context));
            Assert.Equal(JunitReport.Render(s.Result, s.Context), JunitReport.Render(s.Result, s.Context));
            Assert.Equal(HtmlReport.Render(s.Result, s.Context), HtmlReport.Render(s.Result, s.Context));
            Assert.Equal(OpenMetricsReport.Render(s.Result, s.Context), OpenMetricsReport.Render(s.Result, s.Context));
        }
    }

    [Fact]
    public void The_injected_clock_is_the_only_time_in_the_report()
    {
        var s = Scenario.Named("passing");
        var later = s.Context with { GeneratedAt = s.Context.GeneratedAt.AddDays(1) };

        var a = JsonReport.Render(s.Result, s.Context);
        var b = JsonReport.Render(s.Result, later);

        Assert.Contains("\"generatedAt\": \"2026-11-22T03:00:00Z\"", a, StringComparison.Ordinal);
        Assert.Equal(a.Replace("2026-11-22T03:00:00Z", "2026-11-23T03:00:00Z", StringComparison.Ordinal), b);
    }

    [Fact]
    public void Marker_key_is_safe_inside_an_html_comment()
    {
        var s = Scenario.Named("passing");
        Assert.Equal("<!-- modelgate:a-b-c/d -->", MarkdownReport.Marker(s.Context with { GateKey = "a-->b c/d" }));
    }
}
