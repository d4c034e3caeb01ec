using System.Text;
using ModelGate.Core.Results;
using ModelGate.Core.Text;

namespace ModelGate.Reports.Html;

/// <summary>The risk–coverage curve of a reject-rate check: error rate on the answered rows against the share answered.</summary>
internal static class RiskCoverageChart
{
    public static string Render(string checkId, Abstention a)
    {
        var sb = new StringBuilder();
        Svg.Open(sb, 400, 380, $"Risk–coverage ({checkId})");
        var p = new Plot(55, 30, 385, 330);
        Svg.UnitAxes(sb, p, "coverage (share of rows answered)", "risk (error rate on answered rows)");
        Svg.Line(sb, p, a.Curve.Select(pt => (pt.Coverage, pt.Risk)), Svg.Palette[0], false, false);
        var coverage = 1 - a.AbstainedShare;
        Svg.Line(sb, p, [(coverage, 0), (coverage, 1)], Svg.Palette[1], true, false);
        Svg.Legend(sb, new Plot(p.Left + 120, p.Top, p.Right, p.Bottom), [("candidate", Svg.Palette[0], false), ($"confidence ≥ {NumberText.Setting(a.Threshold)}", Svg.Palette[1], true)]);
        sb.Append("</svg>");
        return sb.ToString();
    }
}
