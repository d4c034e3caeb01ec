using System.Globalization;
using MathNet.Numerics.Distributions;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Statistics;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>Judges metric and calibration checks: absolute bounds on the candidate's interval, change bounds on the paired delta.</summary>
internal static class MetricCheckJudge
{
    public static MetricRequest RequestOf(CheckSpec spec) => spec switch
    {
        MetricCheckSpec m => new MetricRequest(m.Metric),
        CalibrationCheckSpec c => new MetricRequest(c.Metric, c.Bins),
        GeneralizationGapCheckSpec g => new MetricRequest(g.Metric),
        _ => throw new ArgumentException($"{spec.GetType().Name} is not a metric check.", nameof(spec)),
    };

    public static CheckResult Judge(EvaluationContext ctx, CheckSpec spec, Bound absolute, ChangeBound change, ComparisonTest test)
    {
        var request = RequestOf(spec);
        var info = MetricCatalog.Find(request.Metric)!;
        var mode = ctx.Statistics.Mode;
        var threshold = ThresholdText(absolute, change, info);
        var candidate = ctx.Estimate(ModelRole.Candidate, EvaluationContext.Overall, request);
        if (!candidate.IsDefined)
        {
            return Skipped(spec, threshold, $"{info.DisplayName} is undefined for the candidate: {candidate.UndefinedReason}", candidate);
        }

        var judgements = new List<Judgement>();
        foreach (var requirement in AbsoluteRequirements(info.DisplayName, absolute))
        {
            judgements.Add(requirement.Judge(candidate.Value, candidate.Interval, mode));
        }

        Estimate? baseline = null;
        Estimate? delta = null;
        double? pValue = null;
        string? method = null;
        double? undetectable = null;
        var notes = new List<string>();
        if (!change.IsEmpty)
        {
            if (ctx.Baseline is null)
            {
                if (judgements.Count == 0)
                {
                    return NotConfigured(spec, threshold, "needs a baseline model to compare with; none is configured", candidate);
                }

                notes.Add("the change bound was not judged: no baseline is configured");
            }
            else
            {
                baseline = ctx.Estimate(ModelRole.Baseline, EvaluationContext.Overall, request);
                if (!baseline.IsDefined)
                {
                    return Skipped(spec, threshold, $"{info.DisplayName} is undefined for the baseline: {baseline.UndefinedReason}", candidate) with { Baseline = baseline };
                }

                (delta, pValue, var testNote, method) = Compare(ctx, request, test);
                if (testNote is not null)
                {
                    notes.Add(testNote);
                }

                foreach (var requirement in ChangeRequirements(change, baseline.Value, info.HigherIsBetter))
                {
                    judgements.Add(requirement.Judge(delta.Value, delta.Interval, mode, asChange: true));
                    if (delta.Interval is { } ci && change.MinImprovement is null && Detectable(ci, ctx.Statistics.Confidence) is var d && d > Math.Abs(requirement.Threshold))
                    {
                        undetectable = d;
                    }
                }
            }
        }

        var (verdict, reason, deciding) = Judgement.Combine(judgements);
        if (notes.Count > 0)
        {
            reason += " (" + string.Join("; ", notes) + ")";
        }

        var (mde, rowsNeeded) = verdict == Verdict.Inconclusive && deciding is not null
            ? Settling(deciding, ctx.Rows, ctx.Statistics.Confidence, deciding.Requirement.Subject == "delta")
            : (null, null);
        return new CheckResult
        {
            Spec = spec,
            Verdict = verdict,
            Reason = reason,
            Threshold = threshold,
            Candidate = candidate,
            Baseline = baseline,
            Delta = delta,
            PValue = pValue,
            MinimumDetectableEffect = mde,
            UndetectableBound = undetectable,
            RowsNeeded = rowsNeeded,
            LikelyRegression = verdict == Verdict.Inconclusive && deciding is { PointBeyond: true },
            IntervalMethod = method ?? candidate.Method ?? (candidate.Interval is null ? null : BootstrapMethod(ctx)),
        };
    }

    /// <summary>"paired bootstrap (1,000 resamples)", or "no interval (point estimates)".</summary>
    public static string BootstrapMethod(EvaluationContext ctx) =>
        ctx.HasReplicates ? string.Create(CultureInfo.InvariantCulture, $"paired bootstrap ({ctx.Statistics.Resamples:N0} resamples)") : "no interval (point estimates)";

    /// <summary>The delta of one metric with the requested test; falls back to the bootstrap (with a note) where the test does not apply.</summary>
    public static (Estimate Delta, double? PValue, string? Note, string Method) Compare(EvaluationContext ctx, MetricRequest request, ComparisonTest test)
    {
        var confidence = ctx.Statistics.Confidence;
        if (test == ComparisonTest.McNemar)
        {
            if (request.Metric != "accuracy")
            {
                var (d, p) = ctx.Delta(EvaluationContext.Overall, request);
                return (d, p, "McNemar applies to accuracy only; the paired bootstrap was used", BootstrapMethod(ctx));
            }

            var c = ctx.Candidate;
            var b = ctx.Baseline!;
            var candidateRight = new bool[ctx.Rows];
            var baselineRight = new bool[ctx.Rows];
            for (var i = 0; i < ctx.Rows; i++)
            {
                candidateRight[i] = c.PredictedRows[i] == c.LabelsRows![i];
                baselineRight[i] = b.PredictedRows[i] == b.LabelsRows![i];
            }

            var result = McNemar.Test(baselineRight, candidateRight, confidence);
            var note = ctx.Data.Weights is null ? null : "McNemar counts rows unweighted";
            var discordant = result.NegativeFlips + result.PositiveFlips;
            var how = result.Exact ? "exact binomial test" : "chi-square test";
            return (Estimate.Of(result.Delta, result.Interval), result.PValue, note, $"McNemar's {how} ({discordant} discordant rows), Wald interval");
        }

        if (test == ComparisonTest.DeLong)
        {
            if (request.Metric != "roc_auc" || ctx.Candidate.Task != TaskKind.Binary)
            {
                var (d, p) = ctx.Delta(EvaluationContext.Overall, request);
                return (d, p, "DeLong applies to binary ROC AUC only; the paired bootstrap was used", BootstrapMethod(ctx));
            }

            var candidateScores = new double[ctx.Rows];
            var baselineScores = new double[ctx.Rows];
            for (var i = 0; i < ctx.Rows; i++)
            {
                candidateScores[i] = ctx.Candidate.Probability(i, 1);
                baselineScores[i] = ctx.Baseline!.Probability(i, 1);
            }

            var result = DeLong.Test(ctx.Candidate.LabelsRows, candidateScores, baselineScores, confidence);
            if (result is null)
            {
                return (Estimate.Undefined("DeLong's test needs at least two rows of each class"), null, null, "DeLong");
            }

            var note = ctx.Data.Weights is null ? null : "DeLong's test counts rows unweighted";
            return (Estimate.Of(result.Delta, result.Interval), result.PValue, note, "DeLong");
        }

        var (delta, pValue) = ctx.Delta(EvaluationContext.Overall, request);
        return (delta, pValue, null, delta.Method ?? BootstrapMethod(ctx));
    }

    public static IEnumerable<Requirement> AbsoluteRequirements(string subject, Bound bound)
    {
        if (bound.AtLeast is { } floor)
        {
            yield return new Requirement(subject, floor, true, $"the floor {NumberText.Setting(floor)}", $"≥ {NumberText.Setting(floor)}");
        }

        if (bound.AtMost is { } ceiling)
        {
            yield return new Requirement(subject, ceiling, false, $"the ceiling {NumberText.Setting(ceiling)}", $"≤ {NumberText.Setting(ceiling)}");
        }
    }

    /// <summary>
    /// Change bounds as conditions on delta = candidate - baseline. max_drop d: delta ≥ -d; max_increase d: delta ≤ d;
    /// relative variants scale by |baseline|; min_improvement m: delta ≥ m (higher is better) or delta ≤ -m.
    /// </summary>
    public static IEnumerable<Requirement> ChangeRequirements(ChangeBound change, double baseline, bool higherIsBetter)
    {
        if (change.MaxDrop is { } drop)
        {
            yield return new Requirement("delta", -drop, true, $"the allowed drop {NumberText.SettingChange(-drop)}", $"drop ≤ {NumberText.Setting(drop)}");
        }

        if (change.MaxIncrease is { } increase)
        {
            yield return new Requirement("delta", increase, false, $"the allowed increase {NumberText.SettingChange(increase)}", $"increase ≤ {NumberText.Setting(increase)}");
        }

        if (change.MaxRelativeDrop is { } relativeDrop)
        {
            var limit = -relativeDrop * Math.Abs(baseline);
            yield return new Requirement("delta", limit, true, $"the allowed drop {NumberText.Change(limit)} ({NumberText.SettingPercent(relativeDrop)} of the baseline)", $"drop ≤ {NumberText.SettingPercent(relativeDrop)}");
        }

        if (change.MaxRelativeIncrease is { } relativeIncrease)
        {
            var limit = relativeIncrease * Math.Abs(baseline);
            yield return new Requirement("delta", limit, false, $"the allowed increase {NumberText.Change(limit)} ({NumberText.SettingPercent(relativeIncrease)} of the baseline)", $"increase ≤ {NumberText.SettingPercent(relativeIncrease)}");
        }

        if (change.MinImprovement is { } improvement)
        {
            yield return higherIsBetter
                ? new Requirement("delta", improvement, true, $"the required improvement {NumberText.SettingChange(improvement)}", $"improvement ≥ {NumberText.Setting(improvement)}")
                : new Requirement("delta", -improvement, false, $"the required improvement {NumberText.SettingChange(-improvement)}", $"improvement ≥ {NumberText.Setting(improvement)}");
        }
    }

    public static string ThresholdText(Bound absolute, ChangeBound change, MetricInfo info) =>
        string.Join("; ", AbsoluteRequirements(info.DisplayName, absolute).Concat(ChangeRequirements(change, 1, info.HigherIsBetter)).Select(r => r.Display).Distinct());

    /// <summary>
    /// For an inconclusive judgement: the minimum detectable effect (80% power at the run's confidence: (z_α/2 + z_0.8) × SE,
    /// SE from the interval half-width) and the rows that would shrink the interval enough to settle it at the observed
    /// point estimate (half-width scales with sqrt(n / n')).
    /// </summary>
    public static (double? Mde, long? RowsNeeded) Settling(Judgement judgement, int rows, double confidence, bool isChange)
    {
        if (judgement.Interval is not { } interval)
        {
            return (null, null);
        }

        var half = interval.Width / 2;
        var zAlpha = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var zPower = Normal.InvCDF(0, 1, 0.8);
        double? mde = isChange ? half / zAlpha * (zAlpha + zPower) : null;
        var gap = Math.Abs(judgement.Point - judgement.Requirement.Threshold);
        long? needed = gap > 0 && half > 0 ? (long)Math.Ceiling(rows * Math.Pow(half / gap, 2)) : null;
        return (mde, needed);
    }

    /// <summary>The smallest change an interval of this width can detect: (z_α/2 + z_0.8) × SE, SE from the half-width.</summary>
    public static double Detectable(Interval interval, double confidence)
    {
        var zAlpha = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        return interval.Width / 2 / zAlpha * (zAlpha + Normal.InvCDF(0, 1, 0.8));
    }

    /// <summary>A check that could not be computed on this data; <see cref="GateEvaluator.Finish"/> makes it inconclusive unless it is optional.</summary>
    public static CheckResult Skipped(CheckSpec spec, string threshold, string reason, Estimate? candidate = null) => new()
    {
        Spec = spec,
        Verdict = Verdict.Skipped,
        Reason = reason,
        Threshold = threshold,
        Candidate = candidate,
    };

    /// <summary>A check skipped because the policy left out what it needs (no baseline configured): a choice, not a data problem.</summary>
    public static CheckResult NotConfigured(CheckSpec spec, string threshold, string reason, Estimate? candidate = null) =>
        Skipped(spec, threshold, reason, candidate) with { SkippedByConfiguration = true };
}
