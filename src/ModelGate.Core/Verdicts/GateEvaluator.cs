using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;

namespace ModelGate.Core.Verdicts;

/// <summary>
/// Judges a <see cref="GatePlan"/> on <see cref="EvaluationData"/>: headline metrics side by side with paired deltas,
/// and a verdict per check (pass, fail, inconclusive, skipped, waived) with the numbers that decided it.
/// </summary>
public static class GateEvaluator
{
    /// <summary>Runs the gate. <paramref name="today"/> decides which waivers still apply.</summary>
    public static GateResult Evaluate(GatePlan plan, EvaluationData data, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(data);
        if (plan.Task != data.Task)
        {
            throw new ArgumentException($"The plan is for {plan.Task} but the data is {data.Task}.", nameof(data));
        }

        var (filtered, excluded, excludedIds) = FiniteRows.Filter(data);
        var ctx = new EvaluationContext(plan, filtered);
        var headline = HeadlineMetrics(plan, ctx);
        foreach (var metric in headline)
        {
            ctx.Need(EvaluationContext.Overall, null, metric);
        }

        var groupMetrics = DeclareNeeds(plan, ctx, headline);
        ctx.Run();

        var checks = plan.Checks.Select(spec => Finish(Judge(ctx, spec), plan.Statistics, today)).ToList();
        return new GateResult
        {
            Passed = !checks.Any(c => c.Blocks),
            Checks = checks,
            Headline = [.. headline.Select(m => Compare(ctx, m))],
            Calibration = Curves(ctx),
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
            NonFiniteScoreRows = excludedIds,
            NonFiniteScoreRowCount = excluded,
            Statistics = plan.Statistics,
            HasBaseline = ctx.Baseline is not null,
        };
    }

    /// <summary>
    /// Applies the waiver and decides whether the check blocks: a fail blocks at error severity; an inconclusive
    /// blocks only when both the check and <see cref="StatisticsOptions.InconclusiveSeverity"/> are errors.
    /// An unexpired waiver turns fail or inconclusive into waived; an expired one does not apply and is flagged.
    /// </summary>
    public static CheckResult Finish(CheckResult result, StatisticsOptions statistics, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(statistics);
        var spec = result.Spec;
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
                    ctx.Need(EvaluationContext.Overall, null, new MetricRequest(g.Metric));
                    ctx.NeedTrain(new MetricRequest(g.Metric));
                    break;
                case SubgroupCheckSpec s when Applies(s.Metric, data.Task):
                    foreach (var slice in s.Slices.Where(data.Slices.ContainsKey))
                    {
                        ctx.Need(GroupEstimates.ScopeOf(slice), data.Slices[slice], new MetricRequest(s.Metric));
                    }

                    break;
                case FairnessCheckSpec f when data.Task == TaskKind.Binary:
                    foreach (var slice in f.Slices.Where(data.Slices.ContainsKey))
                    {
                        foreach (var rate in FairnessJudge.Rates)
                        {
                            ctx.Need(GroupEstimates.ScopeOf(slice), data.Slices[slice], rate);
                        }
                    }

                    break;
                case SafetyCheckSpec { Metric: { } metric } s when Applies(metric, data.Task) && data.SafetySets.TryGetValue(s.Set, out var mask):
                    ctx.Need(SafetyJudge.ScopeOf(s.Set), SafetyJudge.ColumnOf(s.Set, mask), new MetricRequest(metric));
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

    private static List<CalibrationCurve> Curves(EvaluationContext ctx)
    {
        if (ctx.Data.Task == TaskKind.Regression)
        {
            return [];
        }

        var curves = new List<CalibrationCurve>
        {
            new("ece", Calibration.ReliabilityBins(ctx.Candidate), ctx.Baseline is null ? null : Calibration.ReliabilityBins(ctx.Baseline)),
        };
        if (ctx.Data.Task == TaskKind.Binary)
        {
            curves.Add(new("ece_positive", Calibration.ReliabilityBins(ctx.Candidate, positiveClass: true), ctx.Baseline is null ? null : Calibration.ReliabilityBins(ctx.Baseline, positiveClass: true)));
        }

        return curves;
    }
}
