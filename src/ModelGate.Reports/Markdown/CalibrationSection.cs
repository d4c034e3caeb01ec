using System.Text;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Calibration checks, a reliability chart GitHub renders (Mermaid) and the plain reliability table, always.</summary>
internal static class CalibrationSection
{
    public static MarkdownSection? Render(GateResult r, MarkdownFlavor flavor)
    {
        if (r.Calibration.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder("### Calibration\n\n");
        foreach (var c in r.Checks.Where(c => c.Spec is CalibrationCheckSpec))
        {
            sb.Append("- ").Append(CheckFacts.Status(c, r.Clean)).Append(' ').Append(MarkdownText.Escape(c.Spec.Title))
              .Append(": candidate ").Append(MarkdownText.Escape(NumberText.Estimate(c.Candidate)));
            if (c.Baseline is not null)
            {
                sb.Append(", baseline ").Append(MarkdownText.Escape(NumberText.Estimate(c.Baseline)));
            }

            sb.Append('\n');
        }

        foreach (var curve in r.Calibration)
        {
            sb.Append('\n');
            if (flavor == MarkdownFlavor.GitHub)
            {
                AppendChart(sb, curve);
            }

            var nonEmpty = curve.Candidate.Count(b => b.Count > 0);
            sb.Append("<details><summary>Reliability table (").Append(MarkdownText.Escape(CheckFacts.MetricName(curve.Metric)))
              .Append(", ").Append(NumberText.Count(curve.Candidate.Count)).Append(" bins, ").Append(NumberText.Count(nonEmpty)).Append(" non-empty)</summary>\n\n");
            AppendTable(sb, curve);
            sb.Append("\n</details>\n");
        }

        return new MarkdownSection("calibration", sb.ToString(), CutOrder.Calibration);
    }

    private static bool SameBins(CalibrationCurve c) =>
        c.Baseline is { } b && b.Count == c.Candidate.Count
        && b.Zip(c.Candidate).All(p => p.First.Lower == p.Second.Lower && p.First.Upper == p.Second.Upper);

    private static void AppendChart(StringBuilder sb, CalibrationCurve curve)
    {
        var shared = SameBins(curve);
        var points = curve.Candidate.Select((b, i) => (b, i)).Where(p => p.b.Count > 0 && (!shared || curve.Baseline![p.i].Count > 0)).ToList();
        if (points.Count == 0)
        {
            return;
        }

        sb.Append("```mermaid\nxychart-beta\n");
        sb.Append("    title \"Reliability: observed frequency by mean confidence\"\n");
        sb.Append("    x-axis \"candidate mean confidence per bin\" [")
          .AppendJoin(", ", points.Select(p => "\"" + NumberText.Value(p.b.MeanConfidence) + "\"")).Append("]\n");
        sb.Append("    y-axis \"observed frequency\" 0 --> 1\n");
        sb.Append("    line [").AppendJoin(", ", points.Select(p => NumberText.Value(p.b.MeanConfidence))).Append("]\n");
        sb.Append("    line [").AppendJoin(", ", points.Select(p => NumberText.Value(p.b.ObservedFrequency))).Append("]\n");
        if (shared)
        {
            sb.Append("    line [").AppendJoin(", ", points.Select(p => NumberText.Value(curve.Baseline![p.i].ObservedFrequency))).Append("]\n");
        }

        sb.Append("```\n\n");
        sb.Append(shared
            ? "Lines: perfect calibration (first), candidate (second), baseline (third); bins empty for either model are left out.\n\n"
            : "Lines: perfect calibration (first), candidate (second); empty bins are left out.\n\n");
    }

    private static void AppendTable(StringBuilder sb, CalibrationCurve curve)
    {
        string Range(ReliabilityBin b) => $"[{NumberText.Value(b.Lower)}, {NumberText.Value(b.Upper)})";
        string Observed(ReliabilityBin b) => b.Count == 0 ? "undefined (empty bin)" : NumberText.Value(b.ObservedFrequency);
        string Confidence(ReliabilityBin b) => b.Count == 0 ? "undefined (empty bin)" : NumberText.Value(b.MeanConfidence);
        var right = new HashSet<int> { 1, 2, 3, 4, 5, 6 };
        if (SameBins(curve))
        {
            var rows = curve.Candidate.Zip(curve.Baseline!).Select(p => (IReadOnlyList<string>)
            [
                Range(p.First), NumberText.Count(p.First.Count), Confidence(p.First), Observed(p.First),
                NumberText.Count(p.Second.Count), Confidence(p.Second), Observed(p.Second),
            ]);
            sb.Append(MarkdownTable.Render(["bin", "candidate rows", "candidate confidence", "candidate observed", "baseline rows", "baseline confidence", "baseline observed"], rows, right));
            return;
        }

        AppendOne(sb, "candidate", curve.Candidate);
        if (curve.Baseline is { } baseline)
        {
            sb.Append('\n');
            AppendOne(sb, "baseline", baseline);
        }

        void AppendOne(StringBuilder into, string model, IReadOnlyList<ReliabilityBin> bins)
        {
            var rows = bins.Select(b => (IReadOnlyList<string>)[Range(b), NumberText.Count(b.Count), Confidence(b), Observed(b)]);
            into.Append(MarkdownTable.Render([model + " bin", "rows", "mean confidence", "observed frequency"], rows, right));
        }
    }
}
