using System.Text;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Html;

/// <summary>ROC curves: true positive rate against false positive rate; candidate solid, baseline dashed, one colour per label.</summary>
internal static class RocChart
{
    /// <summary>Curves beyond this many labels are left out of the chart (they stay in the JSON).</summary>
    public const int MaxLabels = 6;

    public static string Render(IReadOnlyList<RocCurve> curves)
    {
        var labels = curves.Select(c => c.Label).Distinct(StringComparer.Ordinal).Take(MaxLabels).ToList();
        var sb = new StringBuilder();
        Svg.Open(sb, 400, 380, labels.Count > 1 ? "ROC curves (one-vs-rest)" : "ROC curves");
        var p = new Plot(55, 30, 385, 330);
        Svg.UnitAxes(sb, p, "false positive rate", "true positive rate");
        Svg.Diagonal(sb, p);
        var entries = new List<(string, string, bool)>();
        foreach (var c in curves.Where(c => labels.Contains(c.Label)))
        {
            var baseline = string.Equals(c.Model, "baseline", StringComparison.Ordinal);
            var color = labels.Count > 1 ? Svg.Palette[labels.IndexOf(c.Label) % Svg.Palette.Length] : Svg.Palette[baseline ? 1 : 0];
            Svg.Line(sb, p, c.Points.Select(pt => (pt.FalsePositiveRate, pt.TruePositiveRate)), color, baseline, false);
            var name = labels.Count > 1 ? $"{c.Model} · {c.Label}" : c.Model;
            entries.Add((c.Auc is { } auc ? $"{name} (AUC {NumberText.Value(auc)})" : name, color, baseline));
        }

        var legend = new Plot(p.Left + 150, p.Top + 190, p.Right, p.Bottom);
        Svg.Legend(sb, legend, entries);
        sb.Append("</svg>");
        return sb.ToString();
    }
}
