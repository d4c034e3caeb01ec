using System.Text;
using ModelGate.Core.Metrics;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Markdown;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Html;

/// <summary>Per-group bars of one metric with interval whiskers and the baseline as a tick, worst groups first.</summary>
internal static class SliceChart
{
    /// <summary>Groups drawn per chart; the tables hold the rest.</summary>
    public const int MaxGroups = 20;

    private const int RowHeight = 22;
    private const int LabelWidth = 250;
    private const int Width = 660;

    public static string Render(IEnumerable<GroupResult> groups, string metric)
    {
        var all = GroupOrder.WorstFirst(groups, metric);
        var shown = all.Take(MaxGroups).ToList();
        var (min, max) = Domain(shown, metric);
        var height = 70 + (shown.Count * RowHeight);
        var sb = new StringBuilder();
        var title = $"{CheckFacts.MetricName(metric)} by group, worst {shown.Count} of {all.Count}";
        Svg.Open(sb, Width, height, title);
        var p = new Plot(LabelWidth, 30, Width - 20, height - 40, min, max);
        for (var i = 0; i <= 4; i++)
        {
            var t = min + ((max - min) * i / 4);
            sb.Append("<line x1=\"").Append(Svg.N(p.X(t))).Append("\" y1=\"").Append(Svg.N(p.Top)).Append("\" x2=\"").Append(Svg.N(p.X(t))).Append("\" y2=\"").Append(Svg.N(p.Bottom)).Append("\" stroke=\"#e5e5e5\"/>\n");
            sb.Append("<text x=\"").Append(Svg.N(p.X(t))).Append("\" y=\"").Append(Svg.N(p.Bottom + 14)).Append("\" text-anchor=\"middle\">").Append(NumberText.Value(t)).Append("</text>\n");
        }

        for (var i = 0; i < shown.Count; i++)
        {
            Row(sb, p, shown[i], p.Top + (i * RowHeight) + 4);
        }

        sb.Append("<text x=\"").Append(Svg.N(Width / 2.0)).Append("\" y=\"").Append(Svg.N(p.Bottom + 30)).Append("\" text-anchor=\"middle\">bar: candidate · whisker: interval · black tick: baseline · pale: below minimum support</text>\n");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, Plot p, GroupResult g, double y)
    {
        var label = $"{g.Slice}: {g.Group} (n={g.Support})";
        sb.Append("<text x=\"").Append(Svg.N(p.Left - 6)).Append("\" y=\"").Append(Svg.N(y + 12)).Append("\" text-anchor=\"end\">")
          .Append(Svg.Escape(MarkdownText.Truncate(label, 40))).Append("</text>\n");
        if (!g.Candidate.IsDefined)
        {
            sb.Append("<text x=\"").Append(Svg.N(p.Left + 4)).Append("\" y=\"").Append(Svg.N(y + 12)).Append("\" fill=\"#a00\">undefined (")
              .Append(Svg.Escape(MarkdownText.Truncate(g.Candidate.UndefinedReason ?? string.Empty, 50))).Append(")</text>\n");
            return;
        }

        var x0 = p.X(p.XMin);
        var x1 = p.X(g.Candidate.Value);
        sb.Append("<rect x=\"").Append(Svg.N(x0)).Append("\" y=\"").Append(Svg.N(y + 2)).Append("\" width=\"").Append(Svg.N(Math.Max(1, x1 - x0))).Append("\" height=\"")
          .Append(RowHeight - 8).Append("\" fill=\"").Append(Svg.Palette[0]).Append('"').Append(g.TooSmall ? " fill-opacity=\"0.35\"" : " fill-opacity=\"0.8\"").Append("/>\n");
        if (g.Candidate.Interval is { } ci)
        {
            var mid = y + (RowHeight / 2.0) - 1;
            sb.Append("<path d=\"M").Append(Svg.N(p.X(ci.Lower))).Append(' ').Append(Svg.N(mid)).Append(" H").Append(Svg.N(p.X(ci.Upper)))
              .Append(" M").Append(Svg.N(p.X(ci.Lower))).Append(' ').Append(Svg.N(mid - 5)).Append(" V").Append(Svg.N(mid + 5))
              .Append(" M").Append(Svg.N(p.X(ci.Upper))).Append(' ').Append(Svg.N(mid - 5)).Append(" V").Append(Svg.N(mid + 5))
              .Append("\" stroke=\"#333\" stroke-width=\"1.5\" fill=\"none\"/>\n");
        }

        if (g.Baseline is { IsDefined: true } b)
        {
            sb.Append("<line x1=\"").Append(Svg.N(p.X(b.Value))).Append("\" y1=\"").Append(Svg.N(y)).Append("\" x2=\"").Append(Svg.N(p.X(b.Value))).Append("\" y2=\"")
              .Append(Svg.N(y + RowHeight - 4)).Append("\" stroke=\"#000\" stroke-width=\"2.5\"/>\n");
        }
    }

    private static (double Min, double Max) Domain(IReadOnlyList<GroupResult> groups, string metric)
    {
        var info = MetricCatalog.Find(metric);
        if (info is not null && double.IsFinite(info.Minimum) && double.IsFinite(info.Maximum))
        {
            return (Math.Max(info.Minimum, 0), info.Maximum);
        }

        var values = groups.SelectMany(g => new[] { g.Candidate.Interval?.Lower, g.Candidate.Interval?.Upper, g.Candidate.Value, g.Baseline?.Value })
            .OfType<double>().Where(double.IsFinite).ToList();
        if (values.Count == 0)
        {
            return (0, 1);
        }

        var lo = Math.Min(0, values.Min());
        var hi = values.Max();
        return hi > lo ? (lo, hi * 1.05) : (lo, lo + 1);
    }
}
