using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>CPU-seconds per 1,000 rows and peak working memory, absolute and relative to the baseline, judged on the measured values (as latency is).</summary>
internal static class ResourceCostJudge
{
    public static Results.CheckResult Judge(EvaluationContext ctx, ResourceCostCheckSpec spec)
    {
        var (label, unit) = spec.Measure == ResourceMeasure.CpuSecondsPer1000Rows ? ("CPU time per 1,000 rows", "CPU-s") : ("peak working memory", "MB");
        var threshold = string.Join("; ", new[]
        {
            spec.AtMost is { } most ? $"≤ {NumberText.Setting(most)} {unit}" : null,
            spec.MaxRelativeIncrease is { } r ? $"increase ≤ {NumberText.SettingPercent(r)}" : null,
        }.Where(p => p is not null));
        if (ctx.Data.Measurements?.CandidateCost is not { } cost)
        {
            return MetricCheckJudge.Skipped(spec, threshold, "the resource cost was not measured (score files carry no cost; run the models)");
        }

        var candidate = Value(cost, spec.Measure);
        var judgements = new List<Judgement>();
        var notes = new List<string>();
        if (spec.AtMost is { } atMost)
        {
            judgements.Add(new Requirement(label, atMost, false, string.Empty, string.Empty).Judge(candidate, null, JudgeMode.PointEstimate) with
            {
                Reason = $"{label} {NumberText.Value(candidate)} {unit} {(candidate <= atMost ? "is within" : "exceeds")} {NumberText.Setting(atMost)} {unit}",
            });
        }

        double? baseline = null;
        if (spec.MaxRelativeIncrease is { } relative)
        {
            if (ctx.Data.Measurements.BaselineCost is not { } baselineCost)
            {
                notes.Add("the change vs baseline was not judged: no baseline cost was measured");
            }
            else
            {
                baseline = Value(baselineCost, spec.Measure);
                judgements.Add(MeasurementJudge.Relative(label, candidate, baseline.Value, relative, unit));
            }
        }

        notes.Add($"measured over {NumberText.Count(cost.Rows)} rows");
        return MeasurementJudge.Finish(spec, threshold, judgements, notes, Estimate.Of(candidate), baseline) with
        {
            Cost = new Results.ResourceCosts(cost, ctx.Data.Measurements.BaselineCost),
        };
    }

    private static double Value(ResourceCost cost, ResourceMeasure measure) =>
        measure == ResourceMeasure.CpuSecondsPer1000Rows ? cost.CpuSecondsPer1000Rows : cost.PeakMemoryMb;
}
