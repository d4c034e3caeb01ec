using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Statistics;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>
/// Fairness checks: Fairlearn's disparities per slice, judged on their bootstrap intervals; optionally the candidate's
/// worsening vs the baseline (difference up, or ratio down) on the paired interval.
/// </summary>
internal static class FairnessJudge
{
    public static readonly MetricRequest[] Rates =
    [
        new("selection_rate"),
        new("recall"),
        new("fpr"),
    ];

    public static CheckResult Judge(EvaluationContext ctx, FairnessCheckSpec spec)
    {
        var threshold = Threshold(spec);
        if (ctx.Data.Task != TaskKind.Binary)
        {
            return MetricCheckJudge.Skipped(spec, threshold, "fairness disparities are defined for binary classification only");
        }

        var missing = spec.Slices.Where(s => !ctx.Data.Slices.ContainsKey(s)).ToArray();
        if (missing.Length > 0)
        {
            return MetricCheckJudge.Skipped(spec, threshold, $"no group keys were provided for slice {string.Join(", ", missing)}");
        }

        var judgements = new List<Judgement>();
        var groups = new List<GroupResult>();
        var notes = new List<string>();
        DisparityValues? first = null;
        Estimate? firstBaseline = null;
        Estimate? firstDelta = null;
        foreach (var sliceName in spec.Slices)
        {
            var column = ctx.Data.Slices[sliceName];
            groups.AddRange(GroupEstimates.For(ctx, column, Rates[0]).Select(r => new GroupResult
            {
                Slice = r.Slice,
                Group = r.Group,
                Support = r.Support,
                TooSmall = r.TooSmall,
                Metric = "selection_rate",
                Candidate = r.Candidate,
                Baseline = r.Baseline,
                Delta = r.Delta,
            }));
            foreach (var (id, bound) in spec.Disparities)
            {
                var candidate = DisparityEstimate(ctx, ModelRole.Candidate, column, id);
                first ??= candidate;
                if (!candidate.Point.IsDefined)
                {
                    notes.Add($"{id} on {sliceName} is undefined: {candidate.Point.UndefinedReason}");
                    continue;
                }

                foreach (var requirement in MetricCheckJudge.AbsoluteRequirements($"{id} on {sliceName}", bound))
                {
                    judgements.Add(requirement.Judge(candidate.Point.Value, candidate.Interval, ctx.Statistics.Mode));
                }

                if (spec.MaxIncrease is { } maxIncrease && ctx.Baseline is not null)
                {
                    var baseline = DisparityEstimate(ctx, ModelRole.Baseline, column, id);
                    if (!baseline.Point.IsDefined)
                    {
                        notes.Add($"{id} on {sliceName} is undefined for the baseline: {baseline.Point.UndefinedReason}");
                        continue;
                    }

                    var ratio = Disparity.IsRatio(id);
                    var worsening = ratio ? baseline.Point.Value - candidate.Point.Value : candidate.Point.Value - baseline.Point.Value;
                    Interval? interval = null;
                    if (candidate.Replicates is not null && baseline.Replicates is not null)
                    {
                        var d = new double[candidate.Replicates.Length];
                        for (var b = 0; b < d.Length; b++)
                        {
                            d[b] = ratio ? baseline.Replicates[b] - candidate.Replicates[b] : candidate.Replicates[b] - baseline.Replicates[b];
                        }

                        interval = Percentile.Interval(d, ctx.Statistics.Confidence);
                    }

                    firstBaseline ??= baseline.Point.ToEstimate(baseline.Interval);
                    firstDelta ??= Estimate.Of(worsening, interval);
                    var requirement = new Requirement($"worsening of {id} on {sliceName}", maxIncrease, false, $"the allowed worsening {NumberText.Setting(maxIncrease)}", $"worsening ≤ {NumberText.Setting(maxIncrease)}");
                    judgements.Add(requirement.Judge(worsening, interval, ctx.Statistics.Mode, asChange: true));
                }
                else if (spec.MaxIncrease is not null)
                {
                    notes.Add("the worsening vs baseline was not judged: no baseline is configured");
                }
            }
        }

        if (judgements.Count == 0)
        {
            var why = notes.Count > 0 ? string.Join("; ", notes.Distinct()) : "nothing to judge";
            return (ctx.Baseline is null && spec.MaxIncrease is not null && spec.Disparities.Count == 0
                ? MetricCheckJudge.NotConfigured(spec, threshold, why)
                : MetricCheckJudge.Skipped(spec, threshold, why)) with { Groups = groups };
        }

        var (verdict, reason, deciding) = Judgement.Combine(judgements);
        if (notes.Count > 0)
        {
            reason += " (" + string.Join("; ", notes.Distinct()) + ")";
        }

        return new CheckResult
        {
            Spec = spec,
            Verdict = verdict,
            Reason = reason,
            Threshold = threshold,
            Candidate = first?.Point.ToEstimate(first.Interval),
            Baseline = firstBaseline,
            Delta = firstDelta,
            Groups = groups,
            LikelyRegression = verdict == Verdict.Inconclusive && deciding is { PointBeyond: true },
        };
    }

    private static DisparityValues DisparityEstimate(EvaluationContext ctx, ModelRole role, SliceColumn column, string id)
    {
        var scope = GroupEstimates.ScopeOf(column.Name);
        var groups = column.GroupNames.Count;
        var rates = new GroupRates[groups];
        for (var g = 0; g < groups; g++)
        {
            rates[g] = new GroupRates(
                ctx.Point(role, scope, Rates[0], g + 1).Value,
                ctx.Point(role, scope, Rates[1], g + 1).Value,
                ctx.Point(role, scope, Rates[2], g + 1).Value);
        }

        var point = Disparity.Compute(id, rates);
        if (!point.IsDefined || !ctx.HasReplicates)
        {
            return new DisparityValues(point, null, null);
        }

        var selection = Enumerable.Range(0, groups).Select(g => ctx.Replicates(role, scope, Rates[0], g + 1).ToArray()).ToArray();
        var tpr = Enumerable.Range(0, groups).Select(g => ctx.Replicates(role, scope, Rates[1], g + 1).ToArray()).ToArray();
        var fpr = Enumerable.Range(0, groups).Select(g => ctx.Replicates(role, scope, Rates[2], g + 1).ToArray()).ToArray();
        var replicates = new double[ctx.Statistics.Resamples];
        var buffer = new GroupRates[groups];
        for (var b = 0; b < replicates.Length; b++)
        {
            for (var g = 0; g < groups; g++)
            {
                buffer[g] = new GroupRates(selection[g][b], tpr[g][b], fpr[g][b]);
            }

            replicates[b] = Disparity.Compute(id, buffer).Value;
        }

        return new DisparityValues(point, Percentile.Interval(replicates, ctx.Statistics.Confidence), replicates);
    }

    private static string Threshold(FairnessCheckSpec spec)
    {
        var parts = spec.Disparities.SelectMany(d => MetricCheckJudge.AbsoluteRequirements(d.Key, d.Value).Select(r => $"{d.Key} {r.Display}")).ToList();
        if (spec.MaxIncrease is { } increase)
        {
            parts.Add($"worsening ≤ {NumberText.Setting(increase)}");
        }

        return string.Join("; ", parts);
    }

    private sealed record DisparityValues(MetricValue Point, Interval? Interval, double[]? Replicates);
}
