using System.Text;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Train metric minus holdout metric of the candidate, per generalization-gap check.</summary>
internal static class GeneralizationGapSection
{
    public static MarkdownSection? Render(GateResult r, ReportContext ctx)
    {
        var gaps = r.Checks.Where(c => c.Spec is GeneralizationGapCheckSpec).ToList();
        if (gaps.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder("### Generalization gap\n\n");
        sb.Append("Candidate's train metric minus its holdout metric, oriented so that a positive gap means worse on the holdout");
        var train = ctx.Provenance?.Data.FirstOrDefault(d => string.Equals(d.Role, "train", StringComparison.Ordinal));
        if (train is not null)
        {
            sb.Append(" (train sample: ").Append(NumberText.Count(train.Rows)).Append(" rows)");
        }

        sb.Append(".\n\n");
        var rows = gaps.Select(c => (IReadOnlyList<string>)
        [
            CheckFacts.Status(c, r.Clean),
            MarkdownText.Escape(CheckFacts.MetricName(((GeneralizationGapCheckSpec)c.Spec).Metric)),
            MarkdownText.Escape(NumberText.Estimate(c.Candidate)),
            MarkdownText.Escape(c.Threshold),
            MarkdownText.Escape(c.Reason),
        ]);
        sb.Append(MarkdownTable.Render(["status", "metric", "gap", "threshold", "decided by"], rows));
        return new MarkdownSection("generalization gap", sb.ToString(), CutOrder.GeneralizationGap);
    }
}
