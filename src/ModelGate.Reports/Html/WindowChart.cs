using System.Text;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Html;

/// <summary>A rolling-window check's metric per window, in order, with interval whiskers and the reference as a dashed line.</summary>
internal static class WindowChart
{
    private const int Width = 560;
    private const int Height = 320;

    public static string Render(string checkId, WindowSeries s)
    {
        var defined = s.Windows.Where(w => w.Candidate.IsDefined).ToList();
        var values = defined.SelectMany(w => new[] { w.Candidate.Value, w.Candidate.Interval?.Lower ?? w.Candidate.Value, w.Candidate.Interval?.Upper ?? w.Candidate.Value })
            .Append(s.Reference).Where(double.IsFinite).ToList();
        var lo = values.Count == 0 ? 0 : values.Min();
        var hi = values.Count == 0 ? 1 : values.Max();
        var pad = hi > lo ? (hi - lo) * 0.1 : 0.05;
        var n = s.Windows.Count;
        var p = new Plot(60, 30, Width - 20, Height - 70, -0.5, Math.Max(n, 1) - 0.5, lo - pad, hi + pad);
        var sb = new StringBuilder();
        Svg.Open(sb, Width, Height, $"{CheckFacts.MetricName(s.Metric)} by window ({checkId})");
        for (var i = 0; i <= 4; i++)
        {
            var t = p.YMin + ((p.YMax - p.YMin) * i / 4);
            sb.Append("<line x1=\"").Append(Svg.N(p.Left)).Append("\" y1=\"").Append(Svg.N(p.Y(t))).Append("\" x2=\"").Append(Svg.N(p.Right)).Append("\" y2=\"").Append(Svg.N(p.Y(t))).Append("\" stroke=\"#e5e5e5\"/>\n");
            sb.Append("<text x=\"").Append(Svg.N(p.Left - 6)).Append("\" y=\"").Append(Svg.N(p.Y(t) + 4)).Append("\" text-anchor=\"end\">").Append(NumberText.Value(t)).Append("</text>\n");
        }

        var step = Math.Max(1, (int)Math.Ceiling(n / 12.0));
        for (var i = 0; i < n; i += step)
        {
            sb.Append("<text x=\"").Append(Svg.N(p.X(i))).Append("\" y=\"").Append(Svg.N(p.Bottom + 14)).Append("\" text-anchor=\"middle\">")
              .Append(Svg.Escape(MarkdownText.Truncate(s.Windows[i].Name, 14))).Append("</text>\n");
        }

        foreach (var (w, i) in s.Windows.Select((w, i) => (w, i)))
        {
            if (w.Candidate.Interval is { } ci)
            {
                sb.Append("<line x1=\"").Append(Svg.N(p.X(i))).Append("\" y1=\"").Append(Svg.N(p.Y(ci.Lower))).Append("\" x2=\"").Append(Svg.N(p.X(i))).Append("\" y2=\"").Append(Svg.N(p.Y(ci.Upper)))
                  .Append("\" stroke=\"#333\" stroke-width=\"1.5\"").Append(w.TooSmall ? " stroke-opacity=\"0.35\"" : string.Empty).Append("/>\n");
            }
        }

        Svg.Line(sb, p, s.Windows.Select((w, i) => (X: (double)i, Y: w.Candidate.Value)).Where(pt => double.IsFinite(pt.Y)), Svg.Palette[0], false, true);
        Svg.Line(sb, p, [(-0.5, s.Reference), (n - 0.5, s.Reference)], Svg.Palette[1], true, false);
        sb.Append("<rect x=\"").Append(Svg.N(p.Left)).Append("\" y=\"").Append(Svg.N(p.Top)).Append("\" width=\"").Append(Svg.N(p.Right - p.Left)).Append("\" height=\"").Append(Svg.N(p.Bottom - p.Top)).Append("\" fill=\"none\" stroke=\"#888\"/>\n");
        Svg.Legend(sb, p, [("candidate (whisker: interval)", Svg.Palette[0], false), (s.Against == "first" ? "first window" : "mean of windows", Svg.Palette[1], true)]);
        sb.Append("<text x=\"").Append(Svg.N(Width / 2.0)).Append("\" y=\"").Append(Svg.N(p.Bottom + 34)).Append("\" text-anchor=\"middle\">")
          .Append(Svg.Escape(s.OrderBy is null ? "windows in row order" : "windows by " + s.OrderBy)).Append("</text>\n");
        sb.Append("</svg>");
        return sb.ToString();
    }
}
