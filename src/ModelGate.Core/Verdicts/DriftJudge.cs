using ModelGate.Core.Drift;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Statistics;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>
/// Feature drift (reference vs holdout, per feature) and prediction drift (candidate scores vs the baseline's or vs
/// the candidate's on the train sample). No interval: the statistics are judged as computed, and feature p-values are
/// adjusted across the check's features so that the share of drifted features does not grow with their number.
/// </summary>
internal static class DriftJudge
{
    /// <summary>Judges a feature drift check.</summary>
    public static CheckResult Judge(EvaluationContext ctx, DriftCheckSpec spec)
    {
        var threshold = Threshold(spec);
        if (!ctx.Data.DriftFeatures.TryGetValue(spec.Id, out var samples) || samples.Count == 0)
        {
            return MetricCheckJudge.Skipped(spec, threshold, "no feature values were provided for this drift check");
        }

        var measured = samples.Select(s => (s.Name, Drift: DriftMeasures.Of(s, spec.Bins))).ToList();
        var empty = measured.Where(m => m.Drift is null).Select(m => m.Name).ToList();
        var features = Adjust([.. measured.Select(m => m.Drift).OfType<FeatureDrift>()], spec);
        if (features.Count == 0)
        {
            return MetricCheckJudge.Skipped(spec, threshold, $"no feature has values on both sides ({string.Join(", ", empty)})");
        }

        var drifted = features.Where(f => f.Drifted).ToList();
        var share = (double)drifted.Count / features.Count;
        var aboveShare = spec.DriftedShareAtMost is { } most && share > most;
        var abovePsi = features.Where(f => f.BeyondBound).ToList();
        var worst = features.MaxBy(f => f.Psi)!;
        var method = spec.Correction == MultipleTesting.Holm ? "Holm" : "Benjamini–Hochberg";
        var parts = new List<string>
        {
            drifted.Count == 0
                ? $"no feature of {NumberText.Count(features.Count)} drifted (KS or χ², {method}-adjusted p ≥ {NumberText.Setting(spec.Alpha)} vs {spec.ReferenceName})"
                : $"{NumberText.Count(drifted.Count)} of {NumberText.Count(features.Count)} features drifted ({Names(drifted)}; {method}-adjusted p < {NumberText.Setting(spec.Alpha)} vs {spec.ReferenceName})",
            $"largest PSI {NumberText.Value(worst.Psi)} ({worst.Feature})",
        };
        if (abovePsi.Count > 0)
        {
            parts.Add($"PSI above {NumberText.Setting(spec.PsiAtMost!.Value)}: {Names(abovePsi)}");
        }

        if (aboveShare)
        {
            parts.Add($"drifted share {NumberText.Percent(share)} is above the allowed {NumberText.Percent(spec.DriftedShareAtMost!.Value)}");
        }

        if (empty.Count > 0)
        {
            parts.Add($"left out, no values on one side: {string.Join(", ", empty)}");
        }

        return new CheckResult
        {
            Spec = spec,
            Verdict = aboveShare || abovePsi.Count > 0 ? Verdict.Fail : Verdict.Pass,
            Reason = string.Join("; ", parts),
            Threshold = threshold,
            Candidate = Estimate.Of(share),
            Drift = features,
        };
    }

    /// <summary>Judges a prediction drift check.</summary>
    public static CheckResult Judge(EvaluationContext ctx, PredictionDriftCheckSpec spec)
    {
        var threshold = Threshold(spec);
        var holdout = ScoreOf(ctx.Data.Candidate, ctx.Data.Task);
        double[] reference;
        string label;
        if (spec.Against == PredictionDriftReference.Baseline)
        {
            if (ctx.Data.Baseline is null)
            {
                return MetricCheckJudge.Skipped(spec, threshold, "needs a baseline model to compare with; none is configured") with { SkippedByConfiguration = true };
            }

            reference = ScoreOf(ctx.Data.Baseline, ctx.Data.Task);
            label = "candidate vs baseline";
        }
        else
        {
            if (ctx.Data.Train is null)
            {
                return MetricCheckJudge.Skipped(spec, threshold, "needs train data; none is configured");
            }

            reference = ScoreOf(ctx.Data.Train.Candidate, ctx.Data.Task);
            label = "candidate: train vs holdout";
        }

        var drift = DriftMeasures.Numeric(label, reference, holdout, spec.Bins);
        if (drift is null)
        {
            return MetricCheckJudge.Skipped(spec, threshold, "no finite scores on one side");
        }

        var beyond = new List<string>();
        if (spec.PsiAtMost is { } psi && drift.Psi > psi)
        {
            beyond.Add($"PSI {NumberText.Value(drift.Psi)} > {NumberText.Setting(psi)}");
        }

        if (spec.KsAtMost is { } ks && drift.Statistic > ks)
        {
            beyond.Add($"KS D {NumberText.Value(drift.Statistic)} > {NumberText.Setting(ks)}");
        }

        if (spec.WassersteinAtMost is { } w && drift.Wasserstein > w)
        {
            beyond.Add($"Wasserstein {NumberText.Value(drift.Wasserstein!.Value)} > {NumberText.Setting(w)}");
        }

        drift = drift with { BeyondBound = beyond.Count > 0 };
        var what = $"{ScoreName(ctx.Data.Task)}, {label}: PSI {NumberText.Value(drift.Psi)}, KS D {NumberText.Value(drift.Statistic)}, Wasserstein {NumberText.Value(drift.Wasserstein!.Value)}";
        return new CheckResult
        {
            Spec = spec,
            Verdict = beyond.Count > 0 ? Verdict.Fail : Verdict.Pass,
            Reason = beyond.Count > 0 ? $"{what}; beyond the bound: {string.Join(", ", beyond)}" : $"{what}; within every bound",
            Threshold = threshold,
            Candidate = Estimate.Of(drift.Psi),
            Drift = [drift],
        };
    }

    /// <summary>The one number per row whose distribution is compared: P(positive), the top class's probability, or the prediction.</summary>
    public static double[] ScoreOf(Predictions p, TaskKind task)
    {
        ArgumentNullException.ThrowIfNull(p);
        var scores = new double[p.RowCount];
        for (var i = 0; i < scores.Length; i++)
        {
            var row = p.Row(i);
            scores[i] = task switch
            {
                TaskKind.Binary => row[1],
                TaskKind.Multiclass => Max(row),
                _ => row[0],
            };
        }

        return scores;
    }

    private static string ScoreName(TaskKind task) => task switch
    {
        TaskKind.Binary => "P(positive)",
        TaskKind.Multiclass => "top-class probability",
        _ => "prediction",
    };

    private static double Max(ReadOnlySpan<double> row)
    {
        var max = double.NegativeInfinity;
        foreach (var v in row)
        {
            max = Math.Max(max, v);
        }

        return max;
    }

    private static List<FeatureDrift> Adjust(List<FeatureDrift> features, DriftCheckSpec spec)
    {
        var p = features.Select(f => f.PValue).ToList();
        var adjusted = spec.Correction == MultipleTesting.Holm ? Holm.Adjust(p) : BenjaminiHochberg.Adjust(p);
        return [.. features.Select((f, i) => f with
        {
            AdjustedPValue = adjusted[i],
            Drifted = adjusted[i] < spec.Alpha,
            BeyondBound = spec.PsiAtMost is { } most && f.Psi > most,
        })];
    }

    private static string Names(List<FeatureDrift> features) =>
        string.Join(", ", features.Take(10).Select(f => f.Feature)) + (features.Count > 10 ? ", …" : string.Empty);

    private static string Threshold(DriftCheckSpec spec) => Bounds(
        ("PSI ≤ {0} per feature", spec.PsiAtMost, NumberText.Setting),
        ("drifted share ≤ {0}", spec.DriftedShareAtMost, NumberText.Percent));

    private static string Threshold(PredictionDriftCheckSpec spec) => Bounds(
        ("PSI ≤ {0}", spec.PsiAtMost, NumberText.Setting),
        ("KS D ≤ {0}", spec.KsAtMost, NumberText.Setting),
        ("Wasserstein ≤ {0}", spec.WassersteinAtMost, NumberText.Setting));

    // The bounds a check sets, as the reader sees them: "PSI ≤ 0.2; KS D ≤ 0.1".
    private static string Bounds(params (string Format, double? Value, Func<double, string> Show)[] bounds) =>
        string.Join("; ", bounds.Where(b => b.Value is not null).Select(b => b.Format.Replace("{0}", b.Show(b.Value!.Value), StringComparison.Ordinal)));
}
