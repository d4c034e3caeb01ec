using System.Text;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Latency percentiles and model sizes, candidate vs baseline, with the relative change.</summary>
internal static class PerformanceSection
{
    public static MarkdownSection? Render(GateResult r, ReportContext ctx)
    {
        var checks = r.Checks.Where(c => c.Spec is LatencyCheckSpec or ModelSizeCheckSpec or ResourceCostCheckSpec).ToList();
        var models = ctx.Provenance?.Models ?? [];
        if (checks.Count == 0 && models.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder("### Latency and size\n\n");
        if (checks.Count > 0)
        {
            var rows = checks.Select(c => (IReadOnlyList<string>)
            [
                CheckFacts.Status(c, r.Clean),
                MarkdownText.Escape(What(c.Spec)),
                MarkdownText.Escape(NumberText.Estimate(c.Candidate)),
                MarkdownText.Escape(NumberText.Estimate(c.Baseline)),
                Change(c),
                MarkdownText.Escape(c.Threshold),
            ]);
            sb.Append(MarkdownTable.Render(["status", "measure", "candidate", "baseline", "change", "threshold"], rows));
        }

        if (models.Count > 0)
        {
            sb.Append(checks.Count > 0 ? "\n" : string.Empty).Append("Model files: ");
            sb.AppendJoin(" · ", models.Select(m => $"{MarkdownText.Escape(m.Role)} {NumberText.Value(m.Bytes / 1e6)} MB ({NumberText.Count(m.Bytes)} bytes)"));
            sb.Append('\n');
        }

        return new MarkdownSection("latency and size", sb.ToString(), CutOrder.Performance);
    }

    private static string What(ModelGate.Core.Plan.CheckSpec spec) => spec switch
    {
        LatencyCheckSpec l => $"p{NumberText.Setting(l.Percentile)} latency, batch {NumberText.Count(l.BatchSize)} (ms)",
        ResourceCostCheckSpec { Measure: ResourceMeasure.CpuSecondsPer1000Rows } => "CPU-seconds per 1,000 rows",
        ResourceCostCheckSpec => "peak working memory (MB)",
        _ => "model size (MB)",
    };

    private static string Change(CheckResult c)
    {
        if (c.Candidate is { IsDefined: true } cand && c.Baseline is { IsDefined: true } b && b.Value != 0)
        {
            return NumberText.PercentChange((cand.Value - b.Value) / b.Value);
        }

        return "—";
    }
}
