using System.Text;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Headline metrics side by side: candidate, baseline, paired delta.</summary>
internal static class HeadlineSection
{
    public static MarkdownSection? Render(GateResult r)
    {
        if (r.Headline.Count == 0)
        {
            return null;
        }

        var conf = NumberText.SettingPercent(r.Statistics.Confidence);
        var sb = new StringBuilder("### Headline metrics\n\n");
        // Intervals from more than the bootstrap (statistics.method auto or analytic) get a column naming each one's method.
        var named = r.Headline.Any(m => IntervalMethods.AnyOther(m.Candidate, m.Baseline, m.Delta));
        if (!r.HasBaseline)
        {
            var alone = r.Headline.Select(m => (IReadOnlyList<string>)(named
                ? [Name(m), MarkdownText.Escape(NumberText.Estimate(m.Candidate)), MarkdownText.Escape(m.Candidate.Method ?? "none")]
                : [Name(m), MarkdownText.Escape(NumberText.Estimate(m.Candidate))]));
            sb.Append(MarkdownTable.Render(named ? ["metric", $"candidate [{conf} CI]", "interval"] : ["metric", $"candidate [{conf} CI]"], alone));
            return new MarkdownSection("headline metrics", sb.ToString(), CutOrder.Headline);
        }

        var rows = r.Headline.Select(m => (IReadOnlyList<string>)
        [
            Name(m),
            MarkdownText.Escape(NumberText.Estimate(m.Candidate)),
            MarkdownText.Escape(NumberText.Estimate(m.Baseline)),
            MarkdownText.Escape(NumberText.Delta(m.Delta)),
            .. named ? new[] { MarkdownText.Escape(IntervalMethods.Describe(m.Candidate, m.Baseline, m.Delta)) } : [],
        ]);
        sb.Append(MarkdownTable.Render(
            named ? ["metric", "candidate", "baseline", $"delta [{conf} CI]", "intervals"] : ["metric", "candidate", "baseline", $"delta [{conf} CI, paired bootstrap]"],
            rows));

        // A check may judge the same metric's delta with another method (McNemar, DeLong): name both, never two bare intervals.
        var others = r.Checks.Where(c => c.Delta is not null && c.IntervalMethod is { } m && !IntervalMethods.IsBootstrap(m)
            && CheckFacts.Metric(c.Spec) is { } id && r.Headline.Any(h => h.Metric == id)).ToList();
        foreach (var c in others)
        {
            sb.Append("\nCheck ").Append(MarkdownText.Code(c.Spec.Id)).Append(" judges the ").Append(MarkdownText.Escape(CheckFacts.MetricName(CheckFacts.Metric(c.Spec)!)))
              .Append(" delta with another interval: ").Append(MarkdownText.Escape(NumberText.Delta(c.Delta))).Append(" (").Append(MarkdownText.Escape(c.IntervalMethod!)).Append(").\n");
        }

        return new MarkdownSection("headline metrics", sb.ToString(), CutOrder.Headline);
    }

    private static string Name(MetricComparison m) => $"{MarkdownText.Escape(CheckFacts.MetricName(m.Metric))} {MarkdownText.Code(m.Metric)}";
}
