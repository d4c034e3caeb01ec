using ModelGate.Core.Plan;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>One condition a value must meet: value ≥ threshold (AtLeast) or value ≤ threshold.</summary>
/// <param name="Subject">What is judged, e.g. "delta", "ROC AUC", "worst group".</param>
/// <param name="Threshold">The limit, in the value's units.</param>
/// <param name="AtLeast">True for a floor, false for a ceiling.</param>
/// <param name="Limit">How the limit reads in a reason, e.g. "the allowed drop -0.01" or "the floor 0.8".</param>
/// <param name="Display">How the requirement reads in the threshold column, e.g. "drop ≤ 0.01".</param>
internal sealed record Requirement(string Subject, double Threshold, bool AtLeast, string Limit, string Display)
{
    /// <summary>Judges a point value and its interval.</summary>
    public Judgement Judge(double point, Interval? interval, JudgeMode mode, bool asChange = false)
    {
        var met = AtLeast ? point >= Threshold : point <= Threshold;
        if (mode == JudgeMode.PointEstimate || interval is null)
        {
            var how = interval is null && mode == JudgeMode.Interval ? " (no interval: judged on the point estimate)" : string.Empty;
            var value = asChange ? NumberText.Change(point) : NumberText.Value(point);
            return new Judgement(
                met ? Verdict.Pass : Verdict.Fail,
                $"{Subject} {value} {(met ? "meets" : "misses")} {Limit}{how}",
                this,
                point,
                interval);
        }

        var i = interval.Value;
        var shown = $"{Subject} {(asChange ? NumberText.Change(point) : NumberText.Value(point))} {(asChange ? NumberText.ChangeInterval(i) : NumberText.Interval(i))}";
        Verdict verdict;
        string relation;
        if (AtLeast ? i.Lower >= Threshold : i.Upper <= Threshold)
        {
            verdict = Verdict.Pass;
            relation = "is within";
        }
        else if (AtLeast ? i.Upper < Threshold : i.Lower > Threshold)
        {
            verdict = Verdict.Fail;
            relation = "is beyond";
        }
        else
        {
            verdict = Verdict.Inconclusive;
            relation = "straddles";
        }

        // Straddling with the estimate itself beyond the bound is a likely regression (GateEvaluator.Finish decides what it counts as).
        return new Judgement(verdict, $"{shown} {relation} {Limit}", this, point, i) { PointBeyond = verdict == Verdict.Inconclusive && !met };
    }
}

/// <summary>The verdict of one requirement with its sentence.</summary>
internal sealed record Judgement(Verdict Verdict, string Reason, Requirement Requirement, double Point, Interval? Interval)
{
    /// <summary>True for an inconclusive judgement whose point estimate misses the requirement (a likely regression).</summary>
    public bool PointBeyond { get; init; }

    /// <summary>
    /// Combines judgements: any fail fails, else any inconclusive (a likely regression first), else pass; the reason is
    /// the deciding one's.
    /// </summary>
    public static (Verdict Verdict, string Reason, Judgement? Deciding) Combine(IReadOnlyList<Judgement> judgements)
    {
        var fail = judgements.FirstOrDefault(j => j.Verdict == Verdict.Fail);
        if (fail is not null)
        {
            return (Verdict.Fail, fail.Reason, fail);
        }

        var inconclusive = judgements.FirstOrDefault(j => j.Verdict == Verdict.Inconclusive && j.PointBeyond)
            ?? judgements.FirstOrDefault(j => j.Verdict == Verdict.Inconclusive);
        if (inconclusive is not null)
        {
            return (Verdict.Inconclusive, inconclusive.Reason, inconclusive);
        }

        return (Verdict.Pass, string.Join("; ", judgements.Select(j => j.Reason)), null);
    }
}
