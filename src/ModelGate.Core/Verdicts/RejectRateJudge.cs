using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Statistics;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>Judges a reject-rate check: the abstained share and the selective accuracy, each on its Wilson interval.</summary>
internal static class RejectRateJudge
{
    public static CheckResult Judge(EvaluationContext ctx, RejectRateCheckSpec spec)
    {
        var bounds = new List<Requirement>();
        if (spec.AbstainedShareAtMost is { } most)
        {
            bounds.Add(new Requirement("abstained share", most, false, $"the ceiling {NumberText.Setting(most)}", $"abstained ≤ {NumberText.Percent(most)}"));
        }

        if (spec.SelectiveAccuracyAtLeast is { } least)
        {
            bounds.Add(new Requirement("selective accuracy", least, true, $"the floor {NumberText.Setting(least)}", $"selective accuracy ≥ {NumberText.Setting(least)}"));
        }

        var threshold = $"confidence ≥ {NumberText.Setting(spec.ConfidenceThreshold)}: " + string.Join("; ", bounds.Select(b => b.Display));
        if (ctx.Data.ClassLabels is not { } labels)
        {
            return MetricCheckJudge.Skipped(spec, threshold, "abstention applies to classification tasks");
        }

        var a = RejectOption.Of(ctx.Data.Task, labels, ctx.Data.Candidate, ctx.Plan.DecisionThreshold, spec.ConfidenceThreshold);
        var confidence = ctx.Statistics.Confidence;
        var answered = a.Rows - a.Abstained;
        var shareInterval = Wilson.Interval(a.Abstained, a.Rows, confidence);
        var accuracyInterval = answered == 0 ? null : Wilson.Interval(a.CorrectAnswered, answered, confidence);
        var judgements = new List<Judgement>();
        foreach (var b in bounds)
        {
            if (b.AtLeast && answered == 0)
            {
                return MetricCheckJudge.Skipped(spec, threshold, $"every row's confidence is below {NumberText.Setting(spec.ConfidenceThreshold)}, so no row is answered") with { Abstention = a };
            }

            judgements.Add(b.AtLeast ? b.Judge(a.SelectiveAccuracy, accuracyInterval, ctx.Statistics.Mode) : b.Judge(a.AbstainedShare, shareInterval, ctx.Statistics.Mode));
        }

        var verdict = judgements.Any(j => j.Verdict == Verdict.Fail) ? Verdict.Fail
            : judgements.Any(j => j.Verdict == Verdict.Inconclusive) ? Verdict.Inconclusive : Verdict.Pass;
        var facts = $"abstains on {NumberText.Count(a.Abstained)} of {NumberText.Count(a.Rows)} rows ({NumberText.Percent(a.AbstainedShare)}); accuracy {NumberText.Value(a.SelectiveAccuracy)} on the rest vs {NumberText.Value(a.OverallAccuracy)} on all";
        return new CheckResult
        {
            Spec = spec,
            Verdict = verdict,
            Reason = facts + "; " + string.Join("; ", judgements.Select(j => j.Reason)),
            Threshold = threshold,
            Candidate = Estimate.Of(a.AbstainedShare, shareInterval),
            LikelyRegression = judgements.Any(j => j.PointBeyond),
            IntervalMethod = "Wilson",
            Abstention = a,
        };
    }
}
