using System.Text;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Subgroups: counts, the worst groups per metric, and (a separate, first-cut section) every group.</summary>
internal static class SubgroupSection
{
    /// <summary>Worst groups shown per metric before the full table.</summary>
    public const int WorstShown = 10;

    public static MarkdownSection? RenderWorst(GateResult r)
    {
        var groups = GroupOrder.All(r);
        if (groups.Count == 0)
        {
            return null;
        }

        var slices = groups.Select(g => g.Slice).Distinct(StringComparer.Ordinal).Count();
        var tooSmall = groups.Count(g => g.TooSmall);
        var sb = new StringBuilder("### Subgroups\n\n");
        sb.Append(NumberText.Count(groups.Count)).Append(" group results in ").Append(NumberText.Count(slices)).Append(" slices; ")
          .Append(NumberText.Count(tooSmall)).Append(" below the minimum support of ").Append(NumberText.Count(r.Statistics.MinSupport))
          .Append(" rows (reported with intervals, marked 🔸, never dropped).");
        if (groups.Any(g => g.AdjustedPValue is not null))
        {
            sb.Append(" p-values are Benjamini-Hochberg adjusted at FDR ").Append(NumberText.Setting(r.Statistics.FalseDiscoveryRate)).Append('.');
        }

        sb.Append('\n');
        foreach (var metric in GroupOrder.Metrics(groups))
        {
            var ordered = GroupOrder.WorstFirst(groups, metric);
            var how = r.HasBaseline ? "largest drop vs the baseline first" : "lowest value first";
            if (CheckFacts.Direction(metric) < 0)
            {
                how = r.HasBaseline ? "largest increase vs the baseline first" : "highest value first";
            }

            sb.Append("\n**").Append(MarkdownText.Escape(CheckFacts.MetricName(metric))).Append("**: worst ")
              .Append(NumberText.Count(Math.Min(WorstShown, ordered.Count))).Append(" of ").Append(NumberText.Count(ordered.Count)).Append(" groups (").Append(how).Append(")\n\n");
            sb.Append(Table(ordered.Take(WorstShown), r));
        }

        return new MarkdownSection("the worst groups", sb.ToString(), CutOrder.WorstGroups);
    }

    public static MarkdownSection? RenderAll(GateResult r)
    {
        var groups = GroupOrder.All(r);
        if (groups.Count <= WorstShown && GroupOrder.Metrics(groups).Count <= 1)
        {
            return null;
        }

        var sb = new StringBuilder();
        foreach (var metric in GroupOrder.Metrics(groups))
        {
            var ordered = GroupOrder.WorstFirst(groups, metric);
            sb.Append("<details><summary>All ").Append(NumberText.Count(ordered.Count)).Append(" groups: ")
              .Append(MarkdownText.Escape(CheckFacts.MetricName(metric))).Append("</summary>\n\n");
            sb.Append(Table(ordered, r));
            sb.Append("\n</details>\n");
        }

        return new MarkdownSection("the table of all groups", sb.ToString(), CutOrder.AllGroups);
    }

    private static string Table(IEnumerable<GroupResult> groups, GateResult r)
    {
        var conf = NumberText.SettingPercent(r.Statistics.Confidence);

        // With statistics.method auto or analytic, large groups take analytic intervals and small ones the bootstrap:
        // each row then names its own. All-bootstrap tables stay as they were (the report's first line names it).
        var named = GroupOrder.All(r).Any(g => IntervalMethods.AnyOther(g.Candidate, g.Baseline, g.Delta));
        var rows = groups.Select(g => (IReadOnlyList<string>)
        [
            MarkdownText.Escape(g.Slice),
            MarkdownText.Escape(g.Group) + (g.TooSmall ? " 🔸" : string.Empty),
            NumberText.Count(g.Support),
            MarkdownText.Escape(NumberText.Estimate(g.Candidate)),
            MarkdownText.Escape(NumberText.Estimate(g.Baseline)),
            MarkdownText.Escape(NumberText.Delta(g.Delta)),
            g.AdjustedPValue is { } p ? MarkdownText.Escape(NumberText.PValue(p)) : "—",
            g.Verdict is { } v ? CheckFacts.Word(v) : "—",
            .. named ? new[] { MarkdownText.Escape(IntervalMethods.Describe(g.Candidate, g.Baseline, g.Delta)) } : [],
        ]);
        string[] headers = ["slice", "group", "rows", "candidate", "baseline", $"delta [{conf} CI]", "adj. p", "verdict"];
        return MarkdownTable.Render(named ? [.. headers, "intervals"] : headers, rows, new HashSet<int> { 2 });
    }
}
