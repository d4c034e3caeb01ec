using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using ModelGate.Reports.Tests.Scenarios;

namespace ModelGate.Reports.Tests;

/// <summary>The PR comment and the job summary stay within GitHub's limits and remain valid Markdown when cut.</summary>
public sealed class CommentSizeTests
{
    [Fact]
    public void Huge_result_comment_fits_65536_characters_and_stays_valid_markdown()
    {
        var s = HugeScenario.Create();
        var full = MarkdownReport.RenderSummary(s.Result, s.Context);
        Assert.True(full.Length > MarkdownReport.CommentLimit, $"the scenario must exceed the limit to test cutting, was {full.Length}");

        var comment = MarkdownReport.RenderComment(s.Result, s.Context);

        Assert.InRange(comment.Length, 1, MarkdownReport.CommentLimit);
        MarkdownStructure.AssertWellFormed(comment);
        Assert.StartsWith("## ❌ ModelGate: FAIL — 15 failing, 26 inconclusive, 0 warnings", comment, StringComparison.Ordinal);
        Assert.Contains("<!-- modelgate:huge -->", comment, StringComparison.Ordinal);
        Assert.Contains("The full report is in the job summary and the `modelgate-report` artifact.", comment, StringComparison.Ordinal);
        Assert.Contains("left out the table of all groups", comment, StringComparison.Ordinal);

        // Shortening the reasons freed room, so the most important sections came back.
        Assert.Contains("### Subgroups", comment, StringComparison.Ordinal);
        Assert.Contains("### Provenance", comment, StringComparison.Ordinal);
        Assert.Contains("left out the table of all groups, check reasons beyond 200 characters.", comment, StringComparison.Ordinal);

        // The checks table survives as a real table.
        var doc = MarkdownStructure.Parse(comment);
        var first = doc.Descendants<Table>().First();
        Assert.Equal("status", ((TableRow)first[0]).Descendants<Markdig.Syntax.Inlines.LiteralInline>().First().Content.ToString());
    }

    [Fact]
    public void Sections_are_cut_whole_in_the_documented_order()
    {
        var s = Scenario.Named("failing");
        var full = MarkdownReport.RenderComment(s.Result, s.Context);

        // Just too small for everything: only the first section in the cut order goes.
        var tight = MarkdownReport.RenderComment(s.Result, s.Context, full.Length - 10);
        Assert.DoesNotContain("All 12 groups", tight, StringComparison.Ordinal);
        Assert.Contains("### Calibration", tight, StringComparison.Ordinal);
        Assert.Contains("left out the table of all groups.", tight, StringComparison.Ordinal);

        // Far too small: every cuttable section goes, header and checks table stay.
        var minimal = MarkdownReport.RenderComment(s.Result, s.Context, 5000);
        Assert.True(minimal.Length <= 5000);
        Assert.Contains("left out the table of all groups, calibration, provenance, latency and size, generalization gap, headline metrics, safety sets and flips.", minimal, StringComparison.Ordinal);
        Assert.Contains("| ❌ fail | ROC AUC `roc_auc` |", minimal, StringComparison.Ordinal);
        MarkdownStructure.AssertWellFormed(minimal);
    }

    [Fact]
    public void When_even_the_checks_table_is_too_long_it_is_truncated_at_a_line_and_still_parses()
    {
        var s = HugeScenario.Create(checks: 200, reasonLength: 3000);
        var comment = MarkdownReport.RenderComment(s.Result, s.Context);

        Assert.True(comment.Length <= MarkdownReport.CommentLimit);
        Assert.Contains("the rest of the checks table", comment, StringComparison.Ordinal);
        MarkdownStructure.AssertWellFormed(comment);
    }

    [Fact]
    public void Job_summary_fits_one_mebibyte_in_utf8_bytes()
    {
        var s = HugeScenario.Create(slices: 400, groupsPerSlice: 10, checks: 100, reasonLength: 3000);
        var summary = MarkdownReport.RenderSummary(s.Result, s.Context);

        Assert.True(Encoding.UTF8.GetByteCount(summary) <= MarkdownReport.SummaryLimit);
        MarkdownStructure.AssertWellFormed(summary);
    }

    [Fact]
    public void Summary_keeps_sections_the_comment_had_to_cut()
    {
        var s = HugeScenario.Create();
        var summary = MarkdownReport.RenderSummary(s.Result, s.Context);

        Assert.Contains("### Provenance", summary, StringComparison.Ordinal);
        Assert.Contains("All 300 groups: Recall (TPR)", summary, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(GoldenFileTests.Names), MemberType = typeof(GoldenFileTests))]
    public void Every_scenario_comment_is_well_formed_and_uncut(string name)
    {
        var s = Scenario.Named(name);
        var comment = MarkdownReport.RenderComment(s.Result, s.Context);

        MarkdownStructure.AssertWellFormed(comment);
        Assert.DoesNotContain("Shortened to fit", comment, StringComparison.Ordinal);
        Assert.Equal(s.Result.Checks.Count + 1, MarkdownStructure.Parse(comment).Descendants<Table>().First().Count);
    }

    [Fact]
    public void Balancer_closes_an_open_fence_and_open_details()
    {
        var cut = "<details><summary>x</summary>\n\n<details><summary>y</summary>\n\n```mermaid\nxychart-beta\n";
        var closed = Reports.Markdown.MarkdownBalancer.Close(cut);

        Assert.EndsWith("```\n\n</details>\n\n</details>\n", closed, StringComparison.Ordinal);
        MarkdownStructure.AssertWellFormed(closed);
    }

    [Fact]
    public void Balancer_leaves_balanced_markdown_alone()
    {
        const string text = "<details><summary>x</summary>\n\n```\n<details>\n```\n\n</details>\n";
        Assert.Same(text, Reports.Markdown.MarkdownBalancer.Close(text));
    }
}
