using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Statistics;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>
/// Subgroup checks: every group's value against the worst-group bound, the spread between groups of each slice, and
/// each group's paired drop vs the baseline with Benjamini-Hochberg control across all groups of the check.
/// Groups below the minimum support are reported and may fail, but never make the check inconclusive.
/// </summary>
internal static class SubgroupJudge
{
    public static CheckResult Judge(EvaluationContext ctx, SubgroupCheckSpec spec)
    {
        var request = new MetricRequest(spec.Metric);
        var info = MetricCatalog.Find(spec.Metric)!;
        var mode = ctx.Statistics.Mode;
        var threshold = Threshold(spec, info);
        var missing = spec.Slices.Where(s => !ctx.Data.Slices.ContainsKey(s)).ToArray();
        if (missing.Length > 0)
        {
            return MetricCheckJudge.Skipped(spec, threshold, $"no group keys were provided for slice {string.Join(", ", missing)}");
        }

        var rows = spec.Slices.SelectMany(s => GroupEstimates.For(ctx, ctx.Data.Slices[s], request)).ToList();
        var verdicts = rows.Select(_ => new List<Judgement>()).ToList();
        var judgements = new List<Judgement>();
        var notes = new List<string>();

        var worstRequirements = MetricCheckJudge.AbsoluteRequirements("group", spec.WorstGroup).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!row.Candidate.IsDefined)
            {
                continue;
            }

            foreach (var requirement in worstRequirements)
            {
                var j = requirement.Judge(row.Candidate.Value, row.Candidate.Interval, mode);
                var named = j with { Reason = $"{row.Slice}={row.Group} (n={row.Support}) {j.Reason}" };
                verdicts[i].Add(named);
                if (!row.TooSmall || named.Verdict == Verdict.Fail)
                {
                    judgements.Add(named);
                }
            }
        }

        if (spec.MaxGap is { } maxGap)
        {
            foreach (var slice in spec.Slices)
            {
                judgements.AddRange(GapJudgements(ctx, request, rows.Where(r => r.Slice == slice).ToList(), maxGap, info));
            }
        }

        var adjusted = new Dictionary<int, double>();
        if (spec.MaxDropPerGroup is { } maxDrop)
        {
            if (ctx.Baseline is null)
            {
                notes.Add("the per-group drop was not judged: no baseline is configured");
            }
            else
            {
                adjusted = JudgeDrops(ctx, rows, verdicts, judgements, maxDrop, info.HigherIsBetter);
            }
        }

        var groups = rows.Select((row, i) => ToGroupResult(row, spec.Metric, verdicts[i], adjusted.TryGetValue(i, out var p) ? p : null)).ToList();
        if (judgements.Count == 0)
        {
            var reason = rows.All(r => r.TooSmall) ? $"every group has fewer than {ctx.Statistics.MinSupport} rows" : $"{info.DisplayName} is undefined in every group";
            return MetricCheckJudge.Skipped(spec, threshold, reason) with { Groups = groups };
        }

        var (verdict, decidingReason, _) = Judgement.Combine(judgements);
        var worst = rows.Where(r => r.Candidate.IsDefined && !r.TooSmall)
            .OrderBy(r => info.HigherIsBetter ? r.Candidate.Value : -r.Candidate.Value).FirstOrDefault();
        var summary = worst is null ? decidingReason : $"{decidingReason}; worst group {worst.Slice}={worst.Group} at {NumberText.Value(worst.Candidate.Value)}";
        if (notes.Count > 0)
        {
            summary += " (" + string.Join("; ", notes) + ")";
        }

        return new CheckResult
        {
            Spec = spec,
            Verdict = verdict,
            Reason = summary,
            Threshold = threshold,
            Candidate = worst?.Candidate,
            Baseline = worst?.Baseline,
            Delta = worst?.Delta,
            Groups = groups,
        };
    }

    private static IEnumerable<Judgement> GapJudgements(EvaluationContext ctx, MetricRequest request, List<GroupRow> rows, double maxGap, MetricInfo info)
    {
        var eligible = rows.Where(r => !r.TooSmall && r.Candidate.IsDefined).ToList();
        if (eligible.Count < 2)
        {
            yield break;
        }

        var gap = eligible.Max(r => r.Candidate.Value) - eligible.Min(r => r.Candidate.Value);
        Interval? interval = null;
        if (ctx.HasReplicates)
        {
            var scope = GroupEstimates.ScopeOf(rows[0].Slice);
            var replicates = eligible.Select(r => ctx.Replicates(ModelRole.Candidate, scope, request, r.Index + 1).ToArray()).ToList();
            var gaps = new double[ctx.Statistics.Resamples];
            for (var b = 0; b < gaps.Length; b++)
            {
                double min = double.PositiveInfinity, max = double.NegativeInfinity;
                var defined = 0;
                foreach (var r in replicates)
                {
                    if (!double.IsNaN(r[b]))
                    {
                        min = Math.Min(min, r[b]);
                        max = Math.Max(max, r[b]);
                        defined++;
                    }
                }

                gaps[b] = defined >= 2 ? max - min : double.NaN;
            }

            interval = Percentile.Interval(gaps, ctx.Statistics.Confidence);
        }

        var requirement = new Requirement($"{rows[0].Slice} gap in {info.DisplayName}", maxGap, false, $"the allowed gap {NumberText.Setting(maxGap)}", $"gap ≤ {NumberText.Setting(maxGap)}");
        yield return requirement.Judge(gap, interval, ctx.Statistics.Mode);
    }

    private static Dictionary<int, double> JudgeDrops(EvaluationContext ctx, List<GroupRow> rows, List<List<Judgement>> verdicts, List<Judgement> judgements, double maxDrop, bool higherIsBetter)
    {
        var tested = new List<(int Row, Judgement Judgement, double P)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Delta is not { IsDefined: true } delta)
            {
                continue;
            }

            // A regression is a fall for higher-is-better metrics (recall) and a rise for lower-is-better ones (MAE).
            var requirement = higherIsBetter
                ? new Requirement($"{row.Slice}={row.Group} (n={row.Support}) delta", -maxDrop, true, $"the allowed drop {NumberText.SettingChange(-maxDrop)}", $"drop per group ≤ {NumberText.Setting(maxDrop)}")
                : new Requirement($"{row.Slice}={row.Group} (n={row.Support}) delta", maxDrop, false, $"the allowed increase {NumberText.SettingChange(maxDrop)}", $"increase per group ≤ {NumberText.Setting(maxDrop)}");
            var judgement = requirement.Judge(delta.Value, delta.Interval, ctx.Statistics.Mode, asChange: true);
            var p = row.DeltaReplicates is null && delta.Interval is { } ci && delta.Method is { } method && !method.StartsWith("paired bootstrap", StringComparison.Ordinal)
                ? NormalRegressionPValue(ci, higherIsBetter ? delta.Value : -delta.Value, -maxDrop, ctx.Statistics.Confidence)
                : higherIsBetter
                    ? RegressionPValue(row.DeltaReplicates, delta.Value, -maxDrop)
                    : RegressionPValue(row.DeltaReplicates is { } r ? [.. r.Select(d => -d)] : null, -delta.Value, -maxDrop);
            tested.Add((i, judgement, p));
        }

        var adjusted = BenjaminiHochberg.Adjust([.. tested.Select(t => t.P)]);
        var byRow = new Dictionary<int, double>();
        for (var t = 0; t < tested.Count; t++)
        {
            var (i, judgement, _) = tested[t];
            var p = adjusted[t];
            var final = judgement;
            if (ctx.Statistics.Mode == JudgeMode.Interval && judgement.Verdict == Verdict.Fail && p > ctx.Statistics.FalseDiscoveryRate)
            {
                final = judgement with
                {
                    Verdict = Verdict.Inconclusive,
                    Reason = $"{judgement.Reason}, but not after the false-discovery-rate correction (adjusted p {NumberText.Value(p)})",
                };
            }

            verdicts[i].Add(final);
            byRow[i] = p;
            if (!rows[i].TooSmall || final.Verdict == Verdict.Fail)
            {
                judgements.Add(final);
            }
        }

        return byRow;
    }

    /// <summary>
    /// One-sided bootstrap p-value for "the group regressed beyond the allowed drop": the share of replicates at or above
    /// the limit (with the +1 correction of Davison and Hinkley); 1 without replicates unless the point is beyond.
    /// </summary>
    private static double RegressionPValue(double[]? replicates, double point, double limit)
    {
        if (replicates is null)
        {
            return point < limit ? 0 : 1;
        }

        int atOrAbove = 0, defined = 0;
        foreach (var d in replicates)
        {
            if (double.IsNaN(d))
            {
                continue;
            }

            defined++;
            atOrAbove += d >= limit ? 1 : 0;
        }

        return (atOrAbove + 1.0) / (defined + 1.0);
    }

    /// <summary>
    /// The normal analogue of <see cref="RegressionPValue"/> for an analytic interval: Φ((point − limit) / SE), the
    /// probability mass at or beyond the limit on the regression side, with SE from the interval's half-width.
    /// </summary>
    private static double NormalRegressionPValue(Interval interval, double point, double limit, double confidence)
    {
        var se = interval.Width / (2 * AnalyticIntervals.Z(confidence));
        return se > 0 ? MathNet.Numerics.Distributions.Normal.CDF(0, 1, (point - limit) / se) : (point >= limit ? 1 : 0);
    }

    private static GroupResult ToGroupResult(GroupRow row, string metric, List<Judgement> judgements, double? adjusted)
    {
        Verdict? verdict = judgements.Count == 0 ? null : Judgement.Combine(judgements).Verdict;
        return new GroupResult
        {
            Slice = row.Slice,
            Group = row.Group,
            Support = row.Support,
            TooSmall = row.TooSmall,
            Metric = metric,
            Candidate = row.Candidate,
            Baseline = row.Baseline,
            Delta = row.Delta,
            AdjustedPValue = adjusted,
            Verdict = verdict,
        };
    }

    private static string Threshold(SubgroupCheckSpec spec, MetricInfo info)
    {
        var parts = MetricCheckJudge.AbsoluteRequirements(info.DisplayName, spec.WorstGroup).Select(r => "worst group " + r.Display).ToList();
        if (spec.MaxGap is { } gap)
        {
            parts.Add($"gap ≤ {NumberText.Setting(gap)}");
        }

        if (spec.MaxDropPerGroup is { } drop)
        {
            parts.Add($"{(info.HigherIsBetter ? "drop" : "increase")} per group ≤ {NumberText.Setting(drop)}");
        }

        return string.Join("; ", parts);
    }
}
