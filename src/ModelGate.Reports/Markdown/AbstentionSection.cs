using System.Text;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Reject-rate checks: abstention at the policy's threshold and the risk–coverage curve at a few coverages.</summary>
internal static class AbstentionSection
{
    /// <summary>Coverages the table shows.</summary>
    private static readonly double[] Coverages = [0.5, 0.8, 0.9, 0.95, 1.0];

    public static MarkdownSection? Render(GateResult r)
    {
        var checks = r.Checks.Where(c => c.Abstention is not null).ToList();
        if (checks.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder("### Abstention\n\n");
        foreach (var c in checks)
        {
            var a = c.Abstention!;
            sb.Append("**").Append(MarkdownText.Escape(c.Spec.Title)).Append("** (`").Append(MarkdownText.Escape(c.Spec.Id)).Append("`) ")
              .Append(CheckFacts.Status(c, r.Clean)).Append(": at confidence ≥ ").Append(NumberText.Setting(a.Threshold)).Append(" the candidate abstains on ")
              .Append(NumberText.Count(a.Abstained)).Append(" of ").Append(NumberText.Count(a.Rows)).Append(" rows (").Append(NumberText.Percent(a.AbstainedShare))
              .Append("); selective accuracy ").Append(NumberText.Value(a.SelectiveAccuracy)).Append(" vs ").Append(NumberText.Value(a.OverallAccuracy)).Append(" on all rows.\n\n");
            var rows = Coverages.Select(target => a.Curve.Where(pt => pt.Coverage <= target + 1e-12).DefaultIfEmpty(a.Curve[0]).MaxBy(pt => pt.Coverage))
                .Distinct().Select(pt => (IReadOnlyList<string>)[NumberText.Percent(pt.Coverage), NumberText.Value(1 - pt.Risk), NumberText.Value(pt.Confidence)]);
            sb.Append(MarkdownTable.Render(["coverage", "selective accuracy", "confidence ≥"], rows)).Append('\n');
        }

        sb.Append("Confidence is the top-class probability; the HTML report draws the whole risk–coverage curve.\n");
        return new MarkdownSection("abstention", sb.ToString(), CutOrder.Drift);
    }
}
