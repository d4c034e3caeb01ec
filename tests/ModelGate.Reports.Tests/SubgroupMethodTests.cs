using ModelGate.Core;
using ModelGate.Reports.Tests.Scenarios;

namespace ModelGate.Reports.Tests;

/// <summary>The Markdown subgroup tables name each group's interval method once groups mix methods (statistics.method auto).</summary>
public sealed class SubgroupMethodTests
{
    private const string Bootstrap = "paired bootstrap (1,000 resamples)";

    [Fact]
    public void Mixed_methods_get_an_intervals_column_naming_each_group()
    {
        var s = Scenario.Named("failing");
        var groups = s.Result.Groups.ToList();
        Assert.True(groups.Count >= 2);

        // The largest group as auto leaves it at scale (DeLong / normal intervals), the rest bootstrapped.
        var large = groups.MaxBy(g => g.Support)!;
        var mixed = groups.Select(g => g == large
            ? g with { Candidate = g.Candidate with { Method = "DeLong" }, Baseline = g.Baseline! with { Method = "DeLong" }, Delta = g.Delta! with { Method = "paired DeLong" } }
            : g with { Candidate = g.Candidate with { Method = Bootstrap }, Baseline = g.Baseline! with { Method = Bootstrap }, Delta = g.Delta! with { Method = Bootstrap } }).ToList();
        var markdown = MarkdownReport.RenderSummary(s.Result with { Groups = mixed }, s.Context);

        var rows = TableRows(markdown, "| slice | group |").ToList();
        Assert.All(rows.Where(r => r.StartsWith("| slice", StringComparison.Ordinal)), header => Assert.EndsWith("| verdict | intervals |", header, StringComparison.Ordinal));
        var body = rows.Where(r => !r.StartsWith("| slice", StringComparison.Ordinal) && !r.StartsWith("|---", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(body);
        Assert.All(body, r => Assert.Matches(@"\| (DeLong; delta: paired DeLong|paired bootstrap \(1,000 resamples\)) \|$", r));
        Assert.Contains(body, r => r.Contains($"| {large.Group} |", StringComparison.Ordinal) && r.EndsWith("| DeLong; delta: paired DeLong |", StringComparison.Ordinal));
        MarkdownStructure.AssertWellFormed(markdown);
    }

    [Fact]
    public void All_bootstrap_tables_stay_as_they_were()
    {
        var s = Scenario.Named("failing");
        var boot = s.Result.Groups.Select(g => g with { Candidate = g.Candidate with { Method = Bootstrap }, Delta = g.Delta is null ? null : g.Delta with { Method = Bootstrap } }).ToList();

        var markdown = MarkdownReport.RenderSummary(s.Result with { Groups = boot }, s.Context);

        Assert.Equal(MarkdownReport.RenderSummary(s.Result, s.Context), markdown);
        Assert.DoesNotContain("| intervals |", markdown, StringComparison.Ordinal);
    }

    // The lines of every table whose header starts with headerStart.
    private static IEnumerable<string> TableRows(string markdown, string headerStart)
    {
        var inside = false;
        foreach (var line in markdown.Split('\n'))
        {
            inside = line.StartsWith(headerStart, StringComparison.Ordinal) || (inside && line.StartsWith('|'));
            if (inside)
            {
                yield return line;
            }
        }
    }
}
