using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Robustness;
using ModelGate.Core.Statistics;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>
/// Judges a robustness check: the candidate's flip rate (Wilson interval over rows), its metric drop (normal interval of
/// the per-row loss change, paired by row) and its flip rate over the baseline's (normal interval of the per-row
/// difference). Rows are the unit: a row's copies are averaged first, so repeats narrow nothing they should not.
/// </summary>
internal static class RobustnessJudge
{
    /// <summary>Groups listed in the findings at most.</summary>
    public const int WorstGroups = 5;

    public static CheckResult Judge(EvaluationContext ctx, RobustnessCheckSpec spec)
    {
        var regression = ctx.Data.Task == TaskKind.Regression;
        var metric = regression ? "MAE" : "accuracy";
        var bounds = new List<(Requirement Requirement, Func<RobustnessFindings, Estimate?> Value, bool AsChange)>();
        if (spec.FlipRateAtMost is { } flips)
        {
            bounds.Add((new Requirement("flip rate", flips, false, $"the ceiling {NumberText.Setting(flips)}", $"flip rate ≤ {NumberText.SettingPercent(flips)}"), f => f.Candidate.FlipRate, false));
        }

        if (spec.MetricDropAtMost is { } drop)
        {
            var what = regression ? "MAE increase" : "accuracy drop";
            bounds.Add((new Requirement(what, drop, false, $"the allowed {what} {NumberText.Setting(drop)}", $"{what} ≤ {NumberText.Setting(drop)}"), f => f.Candidate.Drop, true));
        }

        if (spec.BaselineMargin is { } margin)
        {
            bounds.Add((new Requirement("flip rate over the baseline's", margin, false, $"the margin {NumberText.Setting(margin)}", $"flip rate ≤ baseline + {NumberText.Setting(margin)}"), f => f.FlipExcess, true));
        }

        var perturbations = spec.Perturbations.Select(p => p.Describe()).ToList();
        var threshold = string.Join("; ", bounds.Select(b => b.Requirement.Display)) + $" under {string.Join(" + ", perturbations)} × {spec.Repeats}";
        if (!ctx.Data.Robustness.TryGetValue(spec.Id, out var sample))
        {
            return MetricCheckJudge.Skipped(spec, threshold, "robustness runs the models on perturbed copies of the holdout, and this run had no models to run (score files)");
        }

        var confidence = ctx.Statistics.Confidence;
        var candidate = Side(sample.Candidate, regression, confidence);
        var baseline = sample.Baseline is { } b ? Side(b, regression, confidence) : null;
        var findings = new RobustnessFindings
        {
            Perturbations = perturbations,
            Repeats = spec.Repeats,
            Seed = spec.Seed,
            ScaleSource = sample.ScaleSource,
            Rows = sample.Candidate.FlipShare.Length,
            Metric = metric,
            Tolerance = regression ? sample.Tolerance : null,
            Candidate = candidate,
            Baseline = baseline,
            FlipExcess = sample.Baseline is { } bb ? MeanEstimate(Difference(sample.Candidate.FlipShare, bb.FlipShare), confidence) : null,
            WorstGroups = Groups(ctx.Data.Slices.Values, sample),
        };

        var judgements = new List<Judgement>();
        foreach (var (requirement, value, asChange) in bounds)
        {
            if (value(findings) is not { } estimate)
            {
                return MetricCheckJudge.Skipped(spec, threshold, "flip rate against the baseline's needs a baseline model") with { Robustness = findings };
            }

            judgements.Add(requirement.Judge(estimate.Value, estimate.Interval, ctx.Statistics.Mode, asChange));
        }

        var verdict = judgements.Any(j => j.Verdict == Verdict.Fail) ? Verdict.Fail
            : judgements.Any(j => j.Verdict == Verdict.Inconclusive) ? Verdict.Inconclusive : Verdict.Pass;
        var facts = $"{NumberText.Percent(candidate.FlipRate.Value)} of predictions flip"
            + (baseline is null ? string.Empty : $" (baseline {NumberText.Percent(baseline.FlipRate.Value)})")
            + $"; {metric} {NumberText.Value(candidate.Unperturbed)} → {NumberText.Value(candidate.Perturbed)}";
        return new CheckResult
        {
            Spec = spec,
            Verdict = verdict,
            Reason = facts + "; " + string.Join("; ", judgements.Select(j => j.Reason)),
            Threshold = threshold,
            Candidate = candidate.FlipRate,
            Baseline = baseline?.FlipRate,
            LikelyRegression = judgements.Any(j => j.PointBeyond),
            IntervalMethod = "Wilson (flip rate), per-row normal (drop, excess)",
            Robustness = findings,
        };
    }

    private static RobustnessSide Side(PerturbedRows rows, bool regression, double confidence)
    {
        var n = rows.FlipShare.Length;
        var flipRate = Estimate.Of(n == 0 ? double.NaN : rows.FlipShare.Sum() / n, Wilson.Interval(rows.FlipShare.Sum(), n, confidence));
        var drop = MeanEstimate(rows.LossChange, confidence);
        var before = regression ? rows.UnperturbedLoss : 1 - rows.UnperturbedLoss;
        var after = regression ? before + drop.Value : before - drop.Value;
        return new RobustnessSide(flipRate, before, after, drop);
    }

    /// <summary>The mean of per-row values with a normal interval (z × sample SD / √n); no interval under two rows.</summary>
    internal static Estimate MeanEstimate(double[] values, double confidence)
    {
        var n = values.Length;
        if (n == 0)
        {
            return Estimate.Undefined("no rows");
        }

        var mean = values.Average();
        if (n < 2)
        {
            return Estimate.Of(mean);
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        var half = AnalyticIntervals.Z(confidence) * Math.Sqrt(variance / n);
        return Estimate.Of(mean, new Interval(mean - half, mean + half, confidence));
    }

    private static double[] Difference(double[] a, double[] b) => [.. a.Select((v, i) => v - b[i])];

    // Every group of every slice with at least one row, highest candidate flip rate first (ties: larger group, then name).
    private static List<RobustnessGroup> Groups(IEnumerable<SliceColumn> slices, RobustnessSample sample)
    {
        var groups = new List<RobustnessGroup>();
        foreach (var slice in slices)
        {
            var rows = new int[slice.GroupNames.Count];
            var candidate = new double[rows.Length];
            var baseline = new double[rows.Length];
            for (var i = 0; i < slice.GroupOf.Length; i++)
            {
                var g = slice.GroupOf[i];
                if (g < 0)
                {
                    continue;
                }

                rows[g]++;
                candidate[g] += sample.Candidate.FlipShare[i];
                baseline[g] += sample.Baseline?.FlipShare[i] ?? 0;
            }

            for (var g = 0; g < rows.Length; g++)
            {
                if (rows[g] > 0)
                {
                    groups.Add(new RobustnessGroup(slice.Name, slice.GroupNames[g], rows[g], candidate[g] / rows[g], sample.Baseline is null ? null : baseline[g] / rows[g]));
                }
            }
        }

        return [.. groups.OrderByDescending(g => g.CandidateFlipRate).ThenByDescending(g => g.Rows).ThenBy(g => g.Slice, StringComparer.Ordinal)
            .ThenBy(g => g.Group, StringComparer.Ordinal).Take(WorstGroups)];
    }
}
