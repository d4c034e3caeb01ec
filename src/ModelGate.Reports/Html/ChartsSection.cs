using System.Text;
using ModelGate.Core.Results;
using ModelGate.Reports.Markdown;

namespace ModelGate.Reports.Html;

/// <summary>The charts strip of the HTML page, right under the checks table: reliability, ROC, per-slice bars.</summary>
internal static class ChartsSection
{
    /// <summary>Metrics that get a per-slice bar chart.</summary>
    public const int MaxSliceCharts = 4;

    public static MarkdownSection? Render(GateResult r, ReportContext ctx)
    {
        var figures = new List<(string Svg, string Caption)>();
        foreach (var curve in r.Calibration)
        {
            figures.Add((ReliabilityChart.Render(curve), "Points are bins (empty bins left out); the dashed diagonal is perfect calibration."));
        }

        if (ctx.RocCurves.Count > 0)
        {
            figures.Add((RocChart.Render(ctx.RocCurves), "The dashed diagonal is a classifier that guesses."));
        }

        foreach (var c in r.Checks.Where(c => c.Abstention is { Curve.Count: > 0 }))
        {
            figures.Add((RiskCoverageChart.Render(c.Spec.Id, c.Abstention!), "Most confident rows answered first; the dashed line is the policy's threshold."));
        }

        foreach (var c in r.Checks.Where(c => c.Windows is { Windows.Count: > 0 }))
        {
            figures.Add((WindowChart.Render(c.Spec.Id, c.Windows!), "Windows in order; the dashed line is the reference the drops are measured against."));
        }

        var groups = GroupOrder.All(r);
        foreach (var metric in GroupOrder.Metrics(groups).Take(MaxSliceCharts))
        {
            figures.Add((SliceChart.Render(groups, metric), "Worst groups first; intervals at the gate's confidence level."));
        }

        if (figures.Count == 0)
        {
            return null;
        }

        // One HTML block: no blank line may appear inside, or Markdig would end the block there.
        var sb = new StringBuilder("### Charts\n\n<div class=\"charts\">\n");
        foreach (var (svg, caption) in figures)
        {
            sb.Append("<figure>\n").Append(svg).Append("\n<figcaption>").Append(Svg.Escape(caption)).Append("</figcaption>\n</figure>\n");
        }

        sb.Append("</div>\n");
        return new MarkdownSection("charts", sb.ToString(), 0);
    }
}
