using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Statistics;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>
/// Generalization gap: train metric minus holdout metric, oriented so positive means worse on the holdout.
/// The interval comes from independent bootstraps of the two samples (they share no rows).
/// </summary>
internal static class GapJudge
{
    public static CheckResult Judge(EvaluationContext ctx, GeneralizationGapCheckSpec spec)
    {
        var request = new MetricRequest(spec.Metric);
        var info = MetricCatalog.Find(spec.Metric)!;
        var threshold = $"gap ≤ {NumberText.Setting(spec.AtMost)}";
        if (ctx.TrainModel is null)
        {
            return MetricCheckJudge.Skipped(spec, threshold, "needs train data; none is configured");
        }

        var holdout = ctx.Point(ModelRole.Candidate, EvaluationContext.Overall, request);
        var train = ctx.Point(ModelRole.Train, EvaluationContext.Overall, request);
        if (!holdout.IsDefined || !train.IsDefined)
        {
            return MetricCheckJudge.Skipped(spec, threshold, $"{info.DisplayName} is undefined: {holdout.UndefinedReason ?? train.UndefinedReason}");
        }

        var sign = info.HigherIsBetter ? 1 : -1;
        var gap = sign * (train.Value - holdout.Value);
        Interval? interval = null;
        if (ctx.HasReplicates)
        {
            var h = ctx.Replicates(ModelRole.Candidate, EvaluationContext.Overall, request);
            var t = ctx.Replicates(ModelRole.Train, EvaluationContext.Overall, request);
            var gaps = new double[h.Length];
            for (var b = 0; b < gaps.Length; b++)
            {
                gaps[b] = sign * (t[b] - h[b]);
            }

            interval = Percentile.Interval(gaps, ctx.Statistics.Confidence);
        }

        var requirement = new Requirement("generalization gap", spec.AtMost, false, $"the allowed gap {NumberText.Setting(spec.AtMost)}", threshold);
        var judgement = requirement.Judge(gap, interval, ctx.Statistics.Mode, asChange: true);
        var (_, rowsNeeded) = judgement.Verdict == Verdict.Inconclusive ? MetricCheckJudge.Settling(judgement, ctx.Rows, ctx.Statistics.Confidence, false) : (null, null);
        return new CheckResult
        {
            Spec = spec,
            Verdict = judgement.Verdict,
            Reason = $"{judgement.Reason} (train {NumberText.Value(train.Value)}, holdout {NumberText.Value(holdout.Value)})",
            Threshold = threshold,
            Candidate = Estimate.Of(gap, interval),
            RowsNeeded = rowsNeeded,
            LikelyRegression = judgement.PointBeyond,
            IntervalMethod = interval is null ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"independent bootstraps of train and holdout ({ctx.Statistics.Resamples:N0} resamples)"),
        };
    }
}
