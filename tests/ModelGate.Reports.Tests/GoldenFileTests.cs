using ModelGate.Reports.Tests.Scenarios;

namespace ModelGate.Reports.Tests;

/// <summary>Every format of every realistic scenario, compared with its committed golden file.</summary>
public sealed class GoldenFileTests
{
    /// <summary>tests/ModelGate.Reports.Tests/golden.</summary>
    public static string Folder { get; } = RepoPaths.Path("tests", "ModelGate.Reports.Tests", "golden");

    /// <summary>The file endings the theories below write for every scenario.</summary>
    private static readonly string[] Formats = [".comment.md", ".json", ".junit.xml", ".html", ".prom", ".console.txt"];

    public static TheoryData<string> Names() => new(Scenario.All.Select(s => s.Name));

    [Fact]
    public void The_golden_folder_holds_only_files_these_tests_compare()
    {
        // A golden file no test writes any more would rot unnoticed (Golden compares one file at a time here).
        var written = Scenario.All.SelectMany(s => Formats.Select(f => s.Name + f)).Append("failing.console.ansi.txt").Order(StringComparer.Ordinal);
        Assert.Equal(written, Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Markdown_comment_matches_golden(string name)
    {
        var s = Scenario.Named(name);
        Verify($"{name}.comment.md", MarkdownReport.RenderComment(s.Result, s.Context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Json_matches_golden(string name)
    {
        var s = Scenario.Named(name);
        Verify($"{name}.json", JsonReport.Render(s.Result, s.Context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Junit_matches_golden(string name)
    {
        var s = Scenario.Named(name);
        Verify($"{name}.junit.xml", JunitReport.Render(s.Result, s.Context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Html_matches_golden(string name)
    {
        var s = Scenario.Named(name);
        Verify($"{name}.html", HtmlReport.Render(s.Result, s.Context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void OpenMetrics_matches_golden(string name)
    {
        var s = Scenario.Named(name);
        Verify($"{name}.prom", OpenMetricsReport.Render(s.Result, s.Context));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Console_plain_text_matches_golden(string name)
    {
        var s = Scenario.Named(name);
        Verify($"{name}.console.txt", ConsoleReport.Render(s.Result, s.Context, colors: false));
    }

    [Fact]
    public void Console_with_colours_matches_golden()
    {
        var s = Scenario.Named("failing");
        Verify("failing.console.ansi.txt", ConsoleReport.Render(s.Result, s.Context, colors: true));
    }

    [Fact]
    public void Job_summary_equals_the_comment_when_nothing_needs_cutting()
    {
        var s = Scenario.Named("failing");
        Assert.Equal(MarkdownReport.RenderComment(s.Result, s.Context), MarkdownReport.RenderSummary(s.Result, s.Context));
    }

    private static void Verify(string fileName, string actual) => Golden.AssertSame(Path.Combine(Folder, fileName), actual);
}
