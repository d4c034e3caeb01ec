using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Statistics;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>
/// Judges a rolling-window check (test accuracy drift): each window's metric with its interval, the relative drop of the
/// latest window and of every window vs the first window or the windows' mean, each drop on a percentile interval
/// from the same bootstrap resamples (so the reference moves with the window in every replicate).
/// </summary>
internal static class RollingWindowJudge
{
    /// <summary>The evaluation scope of a check's windows.</summary>
    public static string ScopeOf(string checkId) => "window:" + checkId;

    /// <summary>Relative drop of <paramref name="value"/> vs <paramref name="reference"/>, positive when worse; NaN when the reference is 0.</summary>
    public static double Drop(double reference, double value, bool higherIsBetter) =>
        reference == 0 || double.IsNaN(reference) || double.IsNaN(value) ? double.NaN
            : (higherIsBetter ? reference - value : value - reference) / Math.Abs(reference);

    public static CheckResult Judge(EvaluationContext ctx, RollingWindowCheckSpec spec)
    {
        var info = MetricCatalog.Find(spec.Metric)!;
        var request = new MetricRequest(spec.Metric);
        var threshold = Threshold(spec, info);
        if (!ctx.Data.Windows.TryGetValue(spec.Id, out var column) || column.GroupNames.Count == 0)
        {
            return MetricCheckJudge.Skipped(spec, threshold, "the holdout could not be cut into windows");
        }

        var scope = ScopeOf(spec.Id);
        var rows = GroupEstimates.For(ctx, column, request, scope);
        var usable = rows.Where(r => !r.TooSmall && r.Candidate.IsDefined).ToList();
        var against = spec.Against == WindowReference.First ? "first" : "mean";
        if (rows.Count < 2 || usable.Count == 0)
        {
            return MetricCheckJudge.Skipped(spec, threshold, rows.Count < 2
                ? "the holdout forms a single window, so there is nothing to compare"
                : $"no window has {ctx.Statistics.MinSupport} rows (slices.min_support) and a defined {info.DisplayName}");
        }

        var first = rows[0];
        if (spec.Against == WindowReference.First && (first.TooSmall || !first.Candidate.IsDefined))
        {
            return MetricCheckJudge.Skipped(spec, threshold, first.TooSmall
                ? $"the first window has {NumberText.Count(first.Support)} rows, fewer than slices.min_support ({ctx.Statistics.MinSupport})"
                : $"{info.DisplayName} is undefined in the first window: {first.Candidate.UndefinedReason}");
        }

        var reference = spec.Against == WindowReference.First ? first.Candidate.Value : usable.Average(r => r.Candidate.Value);
        var replicates = ctx.HasReplicatesFor(scope, request)
            ? rows.Select(r => ctx.Replicates(ModelRole.Candidate, scope, request, r.Index + 1).ToArray()).ToList()
            : null;
        var referenceReplicates = replicates is null ? null : ReferenceReplicates(spec.Against, replicates, usable);
        var windows = rows.Select((r, i) => new WindowResult
        {
            Name = r.Group,
            Support = r.Support,
            TooSmall = r.TooSmall,
            Candidate = r.Candidate,
            Baseline = r.Baseline,
            RelativeDrop = DropEstimate(r, reference, replicates?[i], referenceReplicates, info.HigherIsBetter, ctx.Statistics.Confidence),
        }).ToList();
        var series = new WindowSeries { Metric = spec.Metric, OrderBy = spec.OrderBy, Against = against, Reference = reference, Windows = windows };

        var judgements = new List<Judgement>();
        var mode = ctx.Statistics.Mode;
        var latest = windows[^1];
        if (spec.LatestDropAtMost is { } latestMost)
        {
            if (latest.TooSmall || !latest.RelativeDrop.IsDefined)
            {
                return MetricCheckJudge.Skipped(spec, threshold, latest.TooSmall
                    ? $"the latest window has {NumberText.Count(latest.Support)} rows, fewer than slices.min_support ({ctx.Statistics.MinSupport})"
                    : $"the latest window's drop is undefined ({latest.Candidate.UndefinedReason ?? $"the {against} is 0"})") with { Windows = series };
            }

            var requirement = new Requirement($"latest window ({latest.Name}) relative drop", latestMost, false, $"the allowed drop {NumberText.Percent(latestMost)}", $"latest drop ≤ {NumberText.Percent(latestMost)}");
            judgements.Add(requirement.Judge(latest.RelativeDrop.Value, latest.RelativeDrop.Interval, mode));
        }

        foreach (var w in windows.Where(w => !w.TooSmall && w.Candidate.IsDefined))
        {
            if (spec.WorstDropAtMost is { } worstMost && w.RelativeDrop.IsDefined)
            {
                var requirement = new Requirement($"window {w.Name} relative drop", worstMost, false, $"the allowed drop {NumberText.Percent(worstMost)}", $"any window's drop ≤ {NumberText.Percent(worstMost)}");
                judgements.Add(requirement.Judge(w.RelativeDrop.Value, w.RelativeDrop.Interval, mode));
            }

            foreach (var requirement in MetricCheckJudge.AbsoluteRequirements($"window {w.Name} {info.DisplayName}", spec.WorstWindow))
            {
                judgements.Add(requirement.Judge(w.Candidate.Value, w.Candidate.Interval, mode));
            }
        }

        if (judgements.Count == 0)
        {
            return MetricCheckJudge.Skipped(spec, threshold, $"no window's {info.DisplayName} could be judged") with { Windows = series };
        }

        var (verdict, deciding, _) = Judgement.Combine(judgements);
        var facts = $"{info.DisplayName} over {NumberText.Count(windows.Count)} windows{(spec.OrderBy is null ? " in row order" : " by " + spec.OrderBy)}: {against} {NumberText.Value(reference)}, latest {NumberText.Value(latest.Candidate.Value)} (drop {NumberText.Percent(series.LatestDrop)})";
        return new CheckResult
        {
            Spec = spec,
            Verdict = verdict,
            Reason = facts + "; " + (verdict == Verdict.Pass ? string.Join("; ", judgements.Where(j => j.Requirement.Subject.StartsWith("latest", StringComparison.Ordinal)).Select(j => j.Reason).DefaultIfEmpty($"every window within {threshold}")) : deciding),
            Threshold = threshold,
            Candidate = latest.RelativeDrop,
            LikelyRegression = judgements.Any(j => j.PointBeyond),
            IntervalMethod = replicates is null ? null : "percentile bootstrap",
            Windows = series,
        };
    }

    private static double[] ReferenceReplicates(WindowReference against, List<double[]> replicates, List<GroupRow> usable)
    {
        if (against == WindowReference.First)
        {
            return replicates[0];
        }

        var n = replicates[0].Length;
        var mean = new double[n];
        for (var b = 0; b < n; b++)
        {
            double sum = 0;
            var defined = 0;
            foreach (var r in usable)
            {
                var v = replicates[r.Index][b];
                if (!double.IsNaN(v))
                {
                    sum += v;
                    defined++;
                }
            }

            mean[b] = defined == 0 ? double.NaN : sum / defined;
        }

        return mean;
    }

    private static Estimate DropEstimate(GroupRow row, double reference, double[]? replicates, double[]? referenceReplicates, bool higherIsBetter, double confidence)
    {
        if (!row.Candidate.IsDefined)
        {
            return Estimate.Undefined(row.Candidate.UndefinedReason!);
        }

        var drop = Drop(reference, row.Candidate.Value, higherIsBetter);
        if (double.IsNaN(drop))
        {
            return Estimate.Undefined("the reference value is 0");
        }

        if (replicates is null || referenceReplicates is null)
        {
            return Estimate.Of(drop);
        }

        var drops = new double[replicates.Length];
        for (var b = 0; b < drops.Length; b++)
        {
            drops[b] = Drop(referenceReplicates[b], replicates[b], higherIsBetter);
        }

        return Estimate.Of(drop, Percentile.Interval(drops, confidence)) with { Method = "percentile bootstrap" };
    }

    private static string Threshold(RollingWindowCheckSpec spec, MetricInfo info)
    {
        var against = spec.Against == WindowReference.First ? "the first window" : "the windows' mean";
        var parts = new List<string>();
        if (spec.LatestDropAtMost is { } latest)
        {
            parts.Add($"latest window's {info.DisplayName} drop ≤ {NumberText.Percent(latest)} vs {against}");
        }

        if (spec.WorstDropAtMost is { } worst)
        {
            parts.Add($"any window's drop ≤ {NumberText.Percent(worst)} vs {against}");
        }

        parts.AddRange(MetricCheckJudge.AbsoluteRequirements(info.DisplayName, spec.WorstWindow).Select(r => "worst window " + r.Display));
        return string.Join("; ", parts);
    }
}
