using ModelGate.Reports.Tests.Scenarios;

namespace ModelGate.Reports.Tests;

/// <summary>Every format of every realistic scenario, compared with its committed golden file.</summary>
public sealed class GoldenFileTests
{
    public static TheoryData<string> Names() => new(Scenario.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Markdown_comment_matches_golden(string name)
    {
        var s = Scenario.Named(name);
        Golden.Verify($"{name}.comment.md", MarkdownReport.RenderComment(s.Result, s.Context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Json_matches_golden(string name)
    {
        var s = Scenario.Named(name);
        Golden.Verify($"{name}.json", JsonReport.Render(s.Result, s.Context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Junit_matches_golden(string name)
    {
        var s = Scenario.Named(name);
        Golden.Verify($"{name}.junit.xml", JunitReport.Render(s.Result, s.Context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Html_matches_golden(string name)
    {
        var s = Scenario.Named(name);
        Golden.Verify($"{name}.html", HtmlReport.Render(s.Result, s.Context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void OpenMetrics_matches_golden(string name)
    {
        var s = Scenario.Named(name);
        Golden.Verify($"{name}.prom", OpenMetricsReport.Render(s.Result, s.Context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Console_plain_text_matches_golden(string name)
    {
        var s = Scenario.Named(name);
        Golden.Verify($"{name}.console.txt", ConsoleReport.Render(s.Result, s.Context, colors: false));
    }

    [Fact]
    public void Console_with_colours_matches_golden()
    {
        var s = Scenario.Named("failing");
        Golden.Verify("failing.console.ansi.txt", ConsoleReport.Render(s.Result, s.Context, colors: true));
    }

    [Fact]
    public void Job_summary_equals_the_comment_when_nothing_needs_cutting()
    {
        var s = Scenario.Named("failing");
        Assert.Equal(MarkdownReport.RenderComment(s.Result, s.Context), MarkdownReport.RenderSummary(s.Result, s.Context));
    }
}
