using System.Text;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Rolling-window checks: the metric per window with its interval and its relative drop vs the reference.</summary>
internal static class WindowSection
{
    public static MarkdownSection? Render(GateResult r)
    {
        var checks = r.Checks.Where(c => c.Windows is not null).ToList();
        if (checks.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder("### Rolling windows\n\n");
        foreach (var c in checks)
        {
            var s = c.Windows!;
            var metric = CheckFacts.MetricName(s.Metric);
            sb.Append("**").Append(MarkdownText.Escape(c.Spec.Title)).Append("** (`").Append(MarkdownText.Escape(c.Spec.Id)).Append("`) ")
              .Append(CheckFacts.Status(c, r.Clean)).Append(": ").Append(NumberText.Count(s.Windows.Count)).Append(" windows")
              .Append(s.OrderBy is null ? " in row order" : " by `" + MarkdownText.Escape(s.OrderBy) + "`")
              .Append("; drops are relative to the ").Append(s.Against == "first" ? "first window" : "mean of the windows").Append(" (")
              .Append(NumberText.Value(s.Reference)).Append(").\n\n");
            var hasBaseline = s.Windows.Any(x => x.Baseline is not null);
            var header = new List<string> { "window", "rows", metric + " (candidate)" };
            if (hasBaseline)
            {
                header.Add("baseline");
            }

            header.Add("relative drop");
            var rows = s.Windows.Select(x =>
            {
                var cells = new List<string>
                {
                    MarkdownText.Escape(x.Name) + (x.TooSmall ? " (small)" : string.Empty),
                    NumberText.Count(x.Support),
                    NumberText.Estimate(x.Candidate),
                };
                if (hasBaseline)
                {
                    cells.Add(NumberText.Estimate(x.Baseline));
                }

                cells.Add(x.RelativeDrop.IsDefined ? NumberText.Percent(x.RelativeDrop.Value) + (x.RelativeDrop.Interval is { } i ? $" [{NumberText.Percent(i.Lower)}, {NumberText.Percent(i.Upper)}]" : string.Empty) : "—");
                return (IReadOnlyList<string>)cells;
            });
            sb.Append(MarkdownTable.Render(header, rows)).Append('\n');
        }

        sb.Append("A positive drop is worse than the reference; windows marked small have fewer rows than slices.min_support and are shown only.\n");
        return new MarkdownSection("windows", sb.ToString(), CutOrder.Drift);
    }
}
