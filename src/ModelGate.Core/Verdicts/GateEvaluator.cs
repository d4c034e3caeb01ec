using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using Binning = ModelGate.Core.Plan.Binning;

namespace ModelGate.Core.Verdicts;

/// <summary>
/// Judges a <see cref="GatePlan"/> on <see cref="EvaluationData"/>: headline metrics side by side with paired deltas,
/// and a verdict per check (pass, fail, inconclusive, skipped, waived) with the numbers that decided it.
/// </summary>
internal static class GateEvaluator
{
    /// <summary>Runs the gate. <paramref name="today"/> decides which waivers still apply; <paramref name="times"/>, if given, gets the phases' wall time.</summary>
    public static GateResult Evaluate(GatePlan plan, EvaluationData data, DateOnly today, PhaseTimes? times = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(data);
        if (plan.Task != data.Task)
        {
            throw new ArgumentException($"The plan is for {plan.Task} but the data is {data.Task}.", nameof(data));
        }

        var validity = ScoreValidity.Check(data);
        var filtered = validity.Data;
        var scoresValid = ScoresValid(plan, validity, data.RowCount);
        if (filtered.RowCount == 0)
        {
            return NothingToJudge(plan, data, validity, scoresValid, today);
        }

        times?.Mark("score validity");
        var ctx = new EvaluationContext(plan, filtered);
        times?.Mark("per-row terms");
        var headline = HeadlineMetrics(plan, ctx);
        foreach (var metric in headline)
        {
            ctx.Need(EvaluationContext.Overall, null, metric);
        }

        var groupMetrics = DeclareNeeds(plan, ctx, headline);
        ctx.Run(times);

        var checks = new List<CheckResult> { Finish(scoresValid, plan.Statistics, today) };
        checks.AddRange(plan.Checks.Where(c => c is not ScoresValidCheckSpec)
            .Select(spec => Finish(WithBaselineProblem(Judge(ctx, spec), validity.BaselineProblem), plan.Statistics, today)));
        times?.Mark("checks judged");
        var result = new GateResult
        {
            Passed = !checks.Any(c => c.Blocks),
            Checks = checks,
            Headline = [.. headline.Select(m => Compare(ctx, m))],
            Calibration = Curves(plan, ctx),
            Groups = [.. groupMetrics.SelectMany(g => GroupEstimates.For(ctx, g.Column, g.Metric).Select(r => new GroupResult
            {
                Slice = r.Slice,
                Group = r.Group,
                Support = r.Support,
                TooSmall = r.TooSmall,
                Metric = g.Metric.Metric,
                Candidate = r.Candidate,
                Baseline = r.Baseline,
                Delta = r.Delta,
            }))],
            Flips = ctx.Baseline is not null && data.Task != TaskKind.Regression ? Metrics.Flips.Count(ctx.Candidate, ctx.Baseline, filtered.RowIds) : null,
            Task = data.Task,
            Rows = filtered.RowCount,
            NonFiniteScoreRows = validity.CandidateIds,
            NonFiniteScoreRowCount = validity.CandidateInvalid,
            BaselineProblem = validity.BaselineProblem,
            Statistics = plan.Statistics,
            HasBaseline = ctx.Baseline is not null,
            RocCurves = RocCurves(data, validity, ctx),
        };
        times?.Mark("headline, groups, curves");
        return InHoldoutRows(result, data, validity.CandidateInvalid);
    }

    // The judges count flips among the scored rows (finite candidate scores); a report names holdout rows.
    private static GateResult InHoldoutRows(GateResult result, EvaluationData data, int nonFinite)
    {
        if (nonFinite == 0)
        {
            return result;
        }

        var holdoutRow = ScoreValidity.FiniteRows(data.Candidate, nonFinite);
        FlipSummary? Map(FlipSummary? f) => f is null ? null : f with { NegativeFlipRows = [.. f.NegativeFlipRows.Select(r => holdoutRow[r])] };
        return result with { Flips = Map(result.Flips), Checks = [.. result.Checks.Select(c => c.Flips is null ? c : c with { Flips = Map(c.Flips) })] };
    }

    // Each curve is drawn on its model's finite rows: the scored model's cached order serves when it holds exactly those rows.
    private static List<RocCurvePoints> RocCurves(EvaluationData data, ScoreValidity.Outcome validity, EvaluationContext? ctx)
    {
        if (data.Task != TaskKind.Binary || data.ClassLabels is null)
        {
            return [];
        }

        var curves = new List<RocCurvePoints> { new("candidate", ctx is null ? RocPoints.Of(data.ClassLabels, data.Candidate) : RocPoints.Of(ctx.Candidate)) };
        if (data.Baseline is not null)
        {
            curves.Add(new("baseline", ctx?.Baseline is { } baseline && validity.CandidateInvalid == 0
                ? RocPoints.Of(baseline)
                : RocPoints.Of(data.ClassLabels, data.Baseline)));
        }

        return curves;
    }

    // Every candidate row was invalid: no metric exists, so every other check is inconclusive (uncomputable), never a pass.
    private static GateResult NothingToJudge(GatePlan plan, EvaluationData data, ScoreValidity.Outcome validity, CheckResult scoresValid, DateOnly today)
    {
        var why = data.RowCount == 0 ? "the holdout has no rows" : "no holdout row has finite candidate scores";
        var checks = new List<CheckResult> { Finish(scoresValid, plan.Statistics, today) };
        checks.AddRange(plan.Checks.Where(c => c is not ScoresValidCheckSpec)
            .Select(spec => Finish(MetricCheckJudge.Skipped(spec, string.Empty, why), plan.Statistics, today)));
        return new GateResult
        {
            Passed = !checks.Any(c => c.Blocks),
            Checks = checks,
            Headline = [],
            Task = data.Task,
            Rows = 0,
            NonFiniteScoreRows = validity.CandidateIds,
            NonFiniteScoreRowCount = validity.CandidateInvalid,
            BaselineProblem = validity.BaselineProblem,
            Statistics = plan.Statistics,
            HasBaseline = false,
            RocCurves = RocCurves(data, validity, null),
        };
    }

    /// <summary>The <c>scores_valid</c> check: the candidate's NaN and infinite rows against the policy's budget (0 by default).</summary>
    private static CheckResult ScoresValid(GatePlan plan, ScoreValidity.Outcome v, int rows)
    {
        var spec = plan.Checks.OfType<ScoresValidCheckSpec>().FirstOrDefault()
            ?? new ScoresValidCheckSpec { Id = ScoresValidCheckSpec.CheckId, Title = "Candidate scores are valid (no NaN or infinity)", MaxInvalidRows = plan.MaxInvalidRows };
        var budget = spec.MaxInvalidRows;
        var threshold = budget == 0 ? "no NaN or infinite scores" : $"≤ {NumberText.Count(budget)} rows with NaN or infinite scores";
        var parts = new List<string>();
        if (v.CandidateInvalid == 0)
        {
            parts.Add($"all {NumberText.Count(rows)} holdout rows have finite candidate scores");
        }
        else
        {
            var ids = string.Join(", ", v.CandidateIds) + (v.CandidateInvalid > v.CandidateIds.Count ? ", …" : string.Empty);
            parts.Add($"the candidate scored NaN or infinity on {NumberText.Count(v.CandidateInvalid)} of {NumberText.Count(rows)} holdout rows ({NumberText.Percent((double)v.CandidateInvalid / Math.Max(1, rows))}): {ids}; those rows are left out of every metric");
        }

        if (v.TrainInvalid > 0)
        {
            parts.Add($"and on {NumberText.Count(v.TrainInvalid)} of {NumberText.Count(v.TrainRows)} train rows");
        }

        var worst = Math.Max(v.CandidateInvalid, v.TrainInvalid);
        var verdict = worst > budget ? Verdict.Fail : Verdict.Pass;
        if (worst > 0)
        {
            parts.Add(verdict == Verdict.Fail ? $"the budget is {NumberText.Count(budget)} (models.max_invalid_rows)" : $"within the budget of {NumberText.Count(budget)}");
        }

        return new CheckResult
        {
            Spec = spec,
            Verdict = verdict,
            Reason = string.Join("; ", parts),
            Threshold = threshold,
            Candidate = Estimate.Of(v.CandidateInvalid, null),
        };
    }

    // A baseline whose scores are invalid was not compared: a check that needed it cannot pass on the candidate alone.
    private static CheckResult WithBaselineProblem(CheckResult result, string? problem)
    {
        if (problem is null || !result.Spec.NeedsBaseline || result.Verdict is not (Verdict.Pass or Verdict.Skipped))
        {
            return result;
        }

        var reason = result.Reason
            .Replace("needs a baseline model to compare with; none is configured", "needs the baseline", StringComparison.Ordinal)
            .Replace("no baseline is configured", "the baseline is unusable", StringComparison.Ordinal);
        return result with
        {
            Verdict = Verdict.Inconclusive,
            Uncomputable = true,
            SkippedByConfiguration = false,
            Reason = $"{problem}; {reason}",
        };
    }

    /// <summary>
    /// Settles what a check counts as, then applies the waiver and decides whether it blocks:
    /// <list type="bullet">
    /// <item>a check that could not be computed (skipped by the data, not by the policy) is inconclusive, unless it is optional;</item>
    /// <item>an interval that straddles the bound with the point estimate beyond it is a likely regression: a fail
    /// (<see cref="StatisticsOptions.LikelyRegression"/> error, the default) or inconclusive (warning);</item>
    /// <item>a fail blocks at error severity; an uncomputable check blocks when the check and
    /// <see cref="StatisticsOptions.Uncomputable"/> are errors; any other inconclusive blocks when the check and
    /// <see cref="StatisticsOptions.InconclusiveSeverity"/> are errors.</item>
    /// </list>
    /// An unexpired waiver turns fail or inconclusive into waived; an expired one does not apply and is flagged.
    /// </summary>
    public static CheckResult Finish(CheckResult result, StatisticsOptions statistics, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(statistics);
        var spec = result.Spec;
        if (result.Verdict == Verdict.Skipped && !result.SkippedByConfiguration)
        {
            result = spec.Optional
                ? result with { SkippedByConfiguration = true, Reason = $"{result.Reason} (optional check: skipped)" }
                : result with { Verdict = Verdict.Inconclusive, Uncomputable = true, Reason = $"cannot be computed: {result.Reason}" };
        }

        if (result.Verdict == Verdict.Inconclusive && result.LikelyRegression && statistics.LikelyRegression == Severity.Error)
        {
            result = result with { Verdict = Verdict.Fail, Reason = $"likely regression: the estimate is beyond the bound and the holdout cannot confirm it; {result.Reason}" };
        }

        if (result.Verdict is Verdict.Fail or Verdict.Inconclusive && spec.Waiver is { } waiver)
        {
            if (waiver.AppliesOn(today))
            {
                return result with
                {
                    Verdict = Verdict.Waived,
                    Reason = $"{result.Reason}; waived until {waiver.Expires:yyyy-MM-dd} by {waiver.Owner}: {waiver.Reason}",
                    Blocks = false,
                };
            }

            result = result with
            {
                WaiverExpired = true,
                Reason = $"{result.Reason}; the waiver by {waiver.Owner} expired on {waiver.Expires:yyyy-MM-dd} and no longer applies",
            };
        }

        var blocks = result.Verdict switch
        {
            Verdict.Fail => spec.Severity == Severity.Error,
            Verdict.Inconclusive when result.Uncomputable => spec.Severity == Severity.Error && statistics.Uncomputable == Severity.Error,
            Verdict.Inconclusive => spec.Severity == Severity.Error && statistics.InconclusiveSeverity == Severity.Error,
            _ => false,
        };
        return result with { Blocks = blocks };
    }

    private static CheckResult Judge(EvaluationContext ctx, CheckSpec spec)
    {
        var metric = spec switch
        {
            MetricCheckSpec m => m.Metric,
            CalibrationCheckSpec c => c.Metric,
            GeneralizationGapCheckSpec g => g.Metric,
            SubgroupCheckSpec s => s.Metric,
            SafetyCheckSpec s => s.Metric,
            RollingWindowCheckSpec w => w.Metric,
            _ => null,
        };
        if (metric is not null && !Applies(metric, ctx.Data.Task))
        {
            return MetricCheckJudge.Skipped(spec, string.Empty, $"metric '{metric}' does not apply to {ctx.Data.Task} tasks");
        }

        return spec switch
        {
            MetricCheckSpec m => MetricCheckJudge.Judge(ctx, m, m.Absolute, m.Change, m.Test),
            CalibrationCheckSpec c => MetricCheckJudge.Judge(ctx, c, c.Absolute, c.Change, ComparisonTest.Bootstrap),
            GeneralizationGapCheckSpec g => GapJudge.Judge(ctx, g),
            SubgroupCheckSpec s => SubgroupJudge.Judge(ctx, s),
            FairnessCheckSpec f => FairnessJudge.Judge(ctx, f),
            SafetyCheckSpec s => SafetyJudge.Judge(ctx, s),
            LatencyCheckSpec l => MeasurementJudge.Latency(ctx, l),
            ModelSizeCheckSpec z => MeasurementJudge.Size(ctx, z),
            DriftCheckSpec d => SliceScope.Judge(ctx, d, c => DriftJudge.Judge(c, d)),
            PredictionDriftCheckSpec p => SliceScope.Judge(ctx, p, c => DriftJudge.Judge(c, p)),
            LeakageCheckSpec l => SliceScope.Judge(ctx, l, c => LeakageJudge.Judge(c, l)),
            RejectRateCheckSpec r => SliceScope.Judge(ctx, r, c => RejectRateJudge.Judge(c, r)),
            RollingWindowCheckSpec w => RollingWindowJudge.Judge(ctx, w),
            ResourceCostCheckSpec c => ResourceCostJudge.Judge(ctx, c),
            RobustnessCheckSpec r => SliceScope.Judge(ctx, r, c => RobustnessJudge.Judge(c, r)),
            _ => MetricCheckJudge.Skipped(spec, string.Empty, $"check kind {spec.GetType().Name} is not known to this version"),
        };
    }

    private static List<(SliceColumn Column, MetricRequest Metric)> DeclareNeeds(GatePlan plan, EvaluationContext ctx, List<MetricRequest> headline)
    {
        var data = ctx.Data;
        foreach (var spec in plan.Checks)
        {
            switch (spec)
            {
                case MetricCheckSpec or CalibrationCheckSpec when Applies(MetricCheckJudge.RequestOf(spec).Metric, data.Task):
                    ctx.Need(EvaluationContext.Overall, null, MetricCheckJudge.RequestOf(spec));
                    break;
                case GeneralizationGapCheckSpec g when Applies(g.Metric, data.Task):
                    ctx.Need(EvaluationContext.Overall, null, new MetricRequest(g.Metric), replicates: true);
                    ctx.NeedTrain(new MetricRequest(g.Metric));
                    break;
                case SubgroupCheckSpec s when Applies(s.Metric, data.Task):
                    foreach (var slice in s.Slices.Where(data.Slices.ContainsKey))
                    {
                        ctx.Need(GroupEstimates.ScopeOf(slice), data.Slices[slice], new MetricRequest(s.Metric), replicates: s.MaxGap is not null);
                    }

                    break;
                case FairnessCheckSpec f when data.Task == TaskKind.Binary:
                    foreach (var slice in f.Slices.Where(data.Slices.ContainsKey))
                    {
                        foreach (var rate in FairnessJudge.Rates)
                        {
                            ctx.Need(GroupEstimates.ScopeOf(slice), data.Slices[slice], rate, replicates: true);
                        }
                    }

                    break;
                case SafetyCheckSpec { Metric: { } metric } s when Applies(metric, data.Task) && data.SafetySets.TryGetValue(s.Set, out var mask):
                    ctx.Need(SafetyJudge.ScopeOf(s.Set), SafetyJudge.ColumnOf(s.Set, mask), new MetricRequest(metric));
                    break;
                case RollingWindowCheckSpec w when Applies(w.Metric, data.Task) && data.Windows.TryGetValue(w.Id, out var windows):
                    ctx.Need(RollingWindowJudge.ScopeOf(w.Id), windows, new MetricRequest(w.Metric), replicates: true);
                    break;
            }
        }

        // The subgroup section shows every slice with the primary headline metric and any metric a subgroup check names.
        var groupMetrics = new List<(SliceColumn, MetricRequest)>();
        foreach (var (name, column) in data.Slices.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var metrics = plan.Checks.OfType<SubgroupCheckSpec>().Where(s => s.Slices.Contains(name) && Applies(s.Metric, data.Task))
                .Select(s => new MetricRequest(s.Metric)).Prepend(headline.Count > 0 ? headline[0] : null).OfType<MetricRequest>().Distinct();
            foreach (var metric in metrics)
            {
                ctx.Need(GroupEstimates.ScopeOf(name), column with { Name = name }, metric);
                groupMetrics.Add((column with { Name = name }, metric));
            }
        }

        return groupMetrics;
    }

    private static List<MetricRequest> HeadlineMetrics(GatePlan plan, EvaluationContext ctx)
    {
        var ids = plan.ReportMetrics.Count > 0 ? plan.ReportMetrics : MetricCatalog.DefaultHeadline(plan.Task);
        return [.. ids.Where(id => Applies(id, plan.Task) && TopKFits(id, ctx.Candidate.ClassCount)).Distinct(StringComparer.Ordinal).Select(id => new MetricRequest(id))];
    }

    private static bool TopKFits(string id, int classes) => new MetricRequest(id).TopK is var k && (k == 0 || k < classes);

    private static bool Applies(string metric, TaskKind task) => MetricCatalog.Find(metric)?.Tasks.Contains(task) ?? false;

    private static MetricComparison Compare(EvaluationContext ctx, MetricRequest metric)
    {
        var candidate = ctx.Estimate(ModelRole.Candidate, EvaluationContext.Overall, metric);
        if (ctx.Baseline is null)
        {
            return new MetricComparison(metric.Metric, candidate, null, null);
        }

        var baseline = ctx.Estimate(ModelRole.Baseline, EvaluationContext.Overall, metric);
        var (delta, _) = ctx.Delta(EvaluationContext.Overall, metric);
        return new MetricComparison(metric.Metric, candidate, baseline, delta);
    }

    // One reliability curve per binning a calibration check uses, so a chart shows the bins of the check it illustrates;
    // without calibration checks, the default 15 equal-width bins (top label, and the positive class for binary).
    private static List<CalibrationCurve> Curves(GatePlan plan, EvaluationContext ctx)
    {
        if (ctx.Data.Task == TaskKind.Regression)
        {
            return [];
        }

        var wanted = new List<(string Metric, int Bins, Binning Binning, bool Positive)>();
        foreach (var c in plan.Checks.OfType<CalibrationCheckSpec>())
        {
            (string Metric, int Bins, Binning Binning, bool Positive)? curve = c.Metric switch
            {
                "ece" or "mce" => ("ece", c.Bins, Binning.EqualWidth, false),
                "ece_adaptive" => ("ece_adaptive", c.Bins, Binning.EqualMass, false),
                "ece_positive" when ctx.Data.Task == TaskKind.Binary => ("ece_positive", c.Bins, Binning.EqualWidth, true),
                _ => ((string, int, Binning, bool)?)null,
            };
            if (curve is { } w && !wanted.Contains(w))
            {
                wanted.Add(w);
            }
        }

        if (wanted.Count == 0)
        {
            wanted.Add(("ece", 15, Binning.EqualWidth, false));
            if (ctx.Data.Task == TaskKind.Binary)
            {
                wanted.Add(("ece_positive", 15, Binning.EqualWidth, true));
            }
        }

        return [.. wanted.Select(w => new CalibrationCurve(
            w.Metric,
            Calibration.ReliabilityBins(ctx.Candidate, w.Bins, w.Binning, w.Positive),
            ctx.Baseline is null ? null : Calibration.ReliabilityBins(ctx.Baseline, w.Bins, w.Binning, w.Positive)))];
    }
}
