using System.Text;
using ModelGate.Core.Results;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Html;

/// <summary>Reliability diagram: observed frequency against mean confidence per bin, both models, and the diagonal.</summary>
internal static class ReliabilityChart
{
    public static string Render(CalibrationCurve curve)
    {
        var sb = new StringBuilder();
        Svg.Open(sb, 400, 380, "Reliability diagram (" + CheckFacts.MetricName(curve.Metric) + ")");
        var p = new Plot(55, 30, 385, 330);
        Svg.UnitAxes(sb, p, "mean confidence in bin", "observed frequency");
        Svg.Diagonal(sb, p);
        var entries = new List<(string, string, bool)> { ("candidate", Svg.Palette[0], false) };
        if (curve.Baseline is { } baseline)
        {
            Svg.Line(sb, p, Points(baseline), Svg.Palette[1], true, true);
            entries.Add(("baseline", Svg.Palette[1], true));
        }

        // The candidate is drawn last so it stays on top where the lines cross.
        Svg.Line(sb, p, Points(curve.Candidate), Svg.Palette[0], false, true);
        entries.Add(("perfect calibration", "#999", true));
        Svg.Legend(sb, p, entries);
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static IEnumerable<(double, double)> Points(IEnumerable<ReliabilityBin> bins) =>
        bins.Where(b => b.Count > 0).Select(b => (b.MeanConfidence, b.ObservedFrequency));
}
