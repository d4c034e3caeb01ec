using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>
/// Safety sets: rows the candidate must not get wrong where the baseline got them right. Flip counts are facts about
/// the set (not estimates of a population), so flip budgets are judged exactly; a metric bound in the set is judged on
/// its interval (Wilson for proportions).
/// </summary>
internal static class SafetyJudge
{
    public static string ScopeOf(string set) => "safety:" + set;

    public static SliceColumn ColumnOf(string set, bool[] mask) =>
        new(ScopeOf(set), [.. mask.Select(m => m ? 0 : -1)], ["in set"]);

    public static CheckResult Judge(EvaluationContext ctx, SafetyCheckSpec spec)
    {
        var threshold = Threshold(spec);
        if (!ctx.Data.SafetySets.TryGetValue(spec.Set, out var mask))
        {
            return MetricCheckJudge.Skipped(spec, threshold, $"no row mask was provided for safety set '{spec.Set}'");
        }

        var inSet = mask.Count(m => m);
        if (inSet == 0)
        {
            return MetricCheckJudge.Skipped(spec, threshold, $"no holdout rows are in safety set '{spec.Set}'");
        }

        var judgements = new List<Judgement>();
        var notes = new List<string>();
        FlipSummary? flips = null;
        if (spec.NeedsBaseline)
        {
            if (ctx.Baseline is null)
            {
                notes.Add("flip budgets were not judged: no baseline is configured");
            }
            else if (ctx.Data.Task == TaskKind.Regression)
            {
                notes.Add("flip budgets apply to classification only");
            }
            else
            {
                flips = Flips.Count(ctx.Candidate, ctx.Baseline, ctx.Data.RowIds, mask);
                if (spec.NegativeFlipsAtMost is { } most)
                {
                    var requirement = new Requirement("negative flips", most, false, $"the budget {most}", $"negative flips ≤ {most}");
                    judgements.Add(requirement.Judge(flips.NegativeFlips, null, JudgeMode.PointEstimate) with
                    {
                        Reason = $"{flips.NegativeFlips} negative flip(s) in {inSet} row(s) {(flips.NegativeFlips <= most ? "within" : "exceed")} the budget {most}" + FirstIds(flips),
                    });
                }

                if (spec.NegativeFlipRateAtMost is { } rate)
                {
                    var requirement = new Requirement("negative flip rate", rate, false, $"the allowed rate {NumberText.Setting(rate)}", $"negative flip rate ≤ {NumberText.Setting(rate)}");
                    judgements.Add(requirement.Judge(flips.NegativeFlipRate, null, JudgeMode.PointEstimate) with
                    {
                        Reason = $"negative flip rate {NumberText.Value(flips.NegativeFlipRate)} ({flips.NegativeFlips} of {inSet} rows) {(flips.NegativeFlipRate <= rate ? "within" : "exceeds")} {NumberText.Setting(rate)}" + FirstIds(flips),
                    });
                }
            }
        }

        Estimate? candidate = null;
        if (spec.Metric is { } metric && !spec.MetricBound.IsEmpty)
        {
            var request = new MetricRequest(metric);
            var column = ColumnOf(spec.Set, mask);
            var row = GroupEstimates.For(ctx, column, request, ScopeOf(spec.Set))[0];
            candidate = row.Candidate;
            if (!candidate.IsDefined)
            {
                notes.Add($"{metric} is undefined in the set: {candidate.UndefinedReason}");
            }
            else
            {
                var info = MetricCatalog.Find(metric)!;
                foreach (var requirement in MetricCheckJudge.AbsoluteRequirements($"{info.DisplayName} in the set", spec.MetricBound))
                {
                    judgements.Add(requirement.Judge(candidate.Value, candidate.Interval, ctx.Statistics.Mode));
                }
            }
        }

        if (judgements.Count == 0)
        {
            var why = notes.Count > 0 ? string.Join("; ", notes) : "nothing to judge";
            return (ctx.Baseline is null && spec.Metric is null
                ? MetricCheckJudge.NotConfigured(spec, threshold, why)
                : MetricCheckJudge.Skipped(spec, threshold, why)) with { Flips = flips, Candidate = candidate };
        }

        var (verdict, reason, deciding) = Judgement.Combine(judgements);
        if (notes.Count > 0)
        {
            reason += " (" + string.Join("; ", notes) + ")";
        }

        return new CheckResult
        {
            Spec = spec,
            Verdict = verdict,
            Reason = reason,
            Threshold = threshold,
            Candidate = candidate,
            Flips = flips,
            LikelyRegression = verdict == Verdict.Inconclusive && deciding is { PointBeyond: true },
        };
    }

    private static string FirstIds(FlipSummary flips) =>
        flips.NegativeFlips == 0 ? string.Empty : $"; worst: {string.Join(", ", flips.NegativeFlipRowIds.Take(5))}";

    private static string Threshold(SafetyCheckSpec spec)
    {
        var parts = new List<string>();
        if (spec.NegativeFlipsAtMost is { } most)
        {
            parts.Add($"negative flips ≤ {most}");
        }

        if (spec.NegativeFlipRateAtMost is { } rate)
        {
            parts.Add($"negative flip rate ≤ {NumberText.Setting(rate)}");
        }

        if (spec.Metric is { } metric)
        {
            parts.AddRange(MetricCheckJudge.AbsoluteRequirements(metric, spec.MetricBound).Select(r => $"{metric} {r.Display}"));
        }

        return string.Join("; ", parts);
    }
}
