using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Statistics;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>Latency percentiles and model size, absolute and relative to the baseline, judged on the measured values.</summary>
internal static class MeasurementJudge
{
    public static CheckResult Latency(EvaluationContext ctx, LatencyCheckSpec spec)
    {
        var threshold = Join(
            spec.AtMostMs is { } ms ? $"p{NumberText.Setting(spec.Percentile)} ≤ {NumberText.Setting(ms)} ms" : null,
            spec.MaxRelativeIncrease is { } r ? $"increase ≤ {NumberText.SettingPercent(r)}" : null);
        var measurements = ctx.Data.Measurements;
        var candidateSamples = measurements?.CandidateLatency.FirstOrDefault(l => l.BatchSize == spec.BatchSize);
        if (candidateSamples is null || candidateSamples.Milliseconds.Count == 0)
        {
            return MetricCheckJudge.Skipped(spec, threshold, $"no latency was measured at batch size {spec.BatchSize}");
        }

        var q = spec.Percentile / 100;
        var candidate = Percentile.Of(candidateSamples.Milliseconds, q);
        var label = $"p{NumberText.Setting(spec.Percentile)} latency at batch {spec.BatchSize}";
        var judgements = new List<Judgement>();
        var notes = new List<string>();
        if (spec.AtMostMs is { } atMost)
        {
            judgements.Add(new Requirement($"{label} {NumberText.Value(candidate)} ms", atMost, false, $"{NumberText.Setting(atMost)} ms", string.Empty)
                .Judge(candidate, null, JudgeMode.PointEstimate) with
            {
                Reason = $"{label} {NumberText.Value(candidate)} ms {(candidate <= atMost ? "is within" : "exceeds")} {NumberText.Setting(atMost)} ms",
            });
        }

        double? baseline = null;
        if (spec.MaxRelativeIncrease is { } relative)
        {
            var baselineSamples = measurements!.BaselineLatency.FirstOrDefault(l => l.BatchSize == spec.BatchSize);
            if (baselineSamples is null || baselineSamples.Milliseconds.Count == 0)
            {
                notes.Add("the change vs baseline was not judged: no baseline latency was measured");
            }
            else
            {
                baseline = Percentile.Of(baselineSamples.Milliseconds, q);
                judgements.Add(Relative(label, candidate, baseline.Value, relative, "ms"));
            }
        }

        return Finish(spec, threshold, judgements, notes, Estimate.Of(candidate), baseline);
    }

    public static CheckResult Size(EvaluationContext ctx, ModelSizeCheckSpec spec)
    {
        var threshold = Join(
            spec.AtMostMb is { } mb ? $"≤ {NumberText.Setting(mb)} MB" : null,
            spec.MaxRelativeIncrease is { } r ? $"increase ≤ {NumberText.SettingPercent(r)}" : null);
        if (ctx.Data.Measurements is not { } measurements)
        {
            return MetricCheckJudge.Skipped(spec, threshold, "the model size was not measured");
        }

        var candidate = measurements.CandidateSizeBytes / 1e6;
        var judgements = new List<Judgement>();
        var notes = new List<string>();
        if (spec.AtMostMb is { } atMost)
        {
            judgements.Add(new Requirement("model size", atMost, false, string.Empty, string.Empty).Judge(candidate, null, JudgeMode.PointEstimate) with
            {
                Reason = $"model size {NumberText.Value(candidate)} MB {(candidate <= atMost ? "is within" : "exceeds")} {NumberText.Setting(atMost)} MB",
            });
        }

        double? baseline = null;
        if (spec.MaxRelativeIncrease is { } relative)
        {
            if (measurements.BaselineSizeBytes is not { } baselineBytes)
            {
                notes.Add("the change vs baseline was not judged: no baseline model");
            }
            else
            {
                baseline = baselineBytes / 1e6;
                judgements.Add(Relative("model size", candidate, baseline.Value, relative, "MB"));
            }
        }

        return Finish(spec, threshold, judgements, notes, Estimate.Of(candidate), baseline);
    }

    internal static Judgement Relative(string label, double candidate, double baseline, double allowed, string unit)
    {
        var change = baseline == 0 ? (candidate == 0 ? 0 : double.PositiveInfinity) : (candidate - baseline) / baseline;
        var met = change <= allowed;
        return new Requirement(label, allowed, false, string.Empty, string.Empty).Judge(change, null, JudgeMode.PointEstimate) with
        {
            Reason = $"{label} {NumberText.Value(candidate)} {unit} vs baseline {NumberText.Value(baseline)} {unit}: {(change >= 0 ? "+" : string.Empty)}{NumberText.Percent(change)} {(met ? "is within" : "exceeds")} the allowed +{NumberText.SettingPercent(allowed)}",
        };
    }

    internal static CheckResult Finish(CheckSpec spec, string threshold, List<Judgement> judgements, List<string> notes, Estimate candidate, double? baseline)
    {
        if (judgements.Count == 0)
        {
            return MetricCheckJudge.Skipped(spec, threshold, notes.Count > 0 ? string.Join("; ", notes) : "no bound is set", candidate);
        }

        var (verdict, reason, _) = Judgement.Combine(judgements);
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
            Baseline = baseline is { } b ? Estimate.Of(b) : null,
            Delta = baseline is { } d ? Estimate.Of(candidate.Value - d) : null,
        };
    }

    private static string Join(params string?[] parts) => string.Join("; ", parts.Where(p => p is not null));
}
