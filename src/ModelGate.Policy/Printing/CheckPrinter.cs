using System.Globalization;
using ModelGate.Core.Plan;
using static ModelGate.Policy.Printing.YamlText;

namespace ModelGate.Policy.Printing;

/// <summary>The <c>checks:</c> list of a resolved policy.</summary>
internal static partial class CheckPrinter
{
    public static void Print(Model.GatePolicy policy, Action<int, string> line, Func<string, string> rel)
    {
        if (policy.Checks.Count == 0)
        {
            line(0, "checks: []");
            return;
        }

        line(0, "checks:");
        var specs = policy.Checks;
        for (var i = 0; i < specs.Count; i++)
        {
            if (specs[i] is LatencyCheckSpec latency)
            {
                // One written latency check with several percentiles became consecutive specs sharing its location.
                var group = specs.Skip(i).TakeWhile(s => s is LatencyCheckSpec && s.Location == latency.Location).Cast<LatencyCheckSpec>().ToList();
                PrintLatency(group, line);
                i += group.Count - 1;
                continue;
            }

            PrintOne(policy, specs[i], line, rel);
        }
    }

    private static void PrintOne(Model.GatePolicy policy, CheckSpec spec, Action<int, string> line, Func<string, string> rel)
    {
        switch (spec)
        {
            case MetricCheckSpec m:
                line(1, $"- id: {Text(m.Id)}");
                line(2, $"severity: {Severity(m)}");
                OptionalFlag(m, 2, line);
                line(2, $"metric: {m.Metric}");
                Bound(m.Absolute, "at_least", "at_most", 2, line);
                Change(m.Change, 2, line);
                if (!m.Change.IsEmpty)
                {
                    line(2, $"test: {m.Test.ToString().ToLowerInvariant()}");
                }

                break;
            case GeneralizationGapCheckSpec g:
                Head("generalization_gap", g, line);
                line(3, $"metric: {g.Metric}");
                line(3, $"at_most: {Number(g.AtMost)}");
                break;
            case CalibrationCheckSpec c:
                Head("calibration", c, line);
                line(3, $"metric: {c.Metric}");
                line(3, $"bins: {c.Bins.ToString(CultureInfo.InvariantCulture)}");
                Bound(c.Absolute, "at_least", "at_most", 3, line);
                Change(c.Change, 3, line);
                break;
            case SubgroupCheckSpec s:
                Head("subgroups", s, line);
                line(3, $"slices: {Flow(s.Slices)}");
                line(3, $"metric: {s.Metric}");
                Bound(s.WorstGroup, "worst_group_at_least", "worst_group_at_most", 3, line);
                Optional("max_gap", s.MaxGap, 3, line);
                Optional("max_drop_per_group", s.MaxDropPerGroup, 3, line);
                break;
            case FairnessCheckSpec f:
                Head("fairness", f, line);
                line(3, $"slices: {Flow(f.Slices)}");
                // Catalogue order, not dictionary order, so the printout is stable across processes.
                foreach (var name in Core.Metrics.MetricCatalog.Disparities.Where(f.Disparities.ContainsKey))
                {
                    var bound = f.Disparities[name];
                    var parts = new List<string>();
                    if (bound.AtLeast is { } low)
                    {
                        parts.Add($"at_least: {Number(low)}");
                    }

                    if (bound.AtMost is { } high)
                    {
                        parts.Add($"at_most: {Number(high)}");
                    }

                    line(3, $"{name}: {{ {string.Join(", ", parts)} }}");
                }

                Optional("max_increase", f.MaxIncrease, 3, line);
                break;
            case SafetyCheckSpec s:
                Head("safety", s, line);
                var set = policy.SafetySets.First(x => x.Key == s.Set);
                line(3, $"name: {Text(set.Name)}");
                if (set.Where is not null)
                {
                    line(3, $"where: {Text(set.Where.Text)}");
                }
                else
                {
                    line(3, $"rows_file: {rel(set.RowsFile!)}");
                }

                if (s.NegativeFlipsAtMost is { } flips)
                {
                    line(3, $"negative_flips: {{ at_most: {flips.ToString(CultureInfo.InvariantCulture)} }}");
                }

                if (s.NegativeFlipRateAtMost is { } rate)
                {
                    line(3, $"negative_flip_rate: {{ at_most: {Number(rate)} }}");
                }

                if (s.Metric is not null)
                {
                    line(3, $"metric: {s.Metric}");
                    Bound(s.MetricBound, "at_least", "at_most", 3, line);
                }

                break;
            case ModelSizeCheckSpec z:
                Head("model_size_mb", z, line);
                Optional("at_most", z.AtMostMb, 3, line);
                Optional("max_relative_increase", z.MaxRelativeIncrease, 3, line);
                break;
            case DriftCheckSpec d:
                Head("drift", d, line);
                if (d.Features.Count > 0)
                {
                    line(3, $"features: [{string.Join(", ", d.Features.Select(Text))}]");
                }

                if (policy.DriftReferences.TryGetValue(d.Id, out var reference))
                {
                    line(3, $"reference: {rel(reference)}");
                }

                line(3, $"bins: {d.Bins.ToString(CultureInfo.InvariantCulture)}");
                line(3, $"alpha: {Number(d.Alpha)}");
                line(3, $"correction: {(d.Correction == MultipleTesting.Holm ? "holm" : "benjamini_hochberg")}");
                AtMost("psi", d.PsiAtMost, line);
                AtMost("drifted_share", d.DriftedShareAtMost, line);
                break;
            case PredictionDriftCheckSpec p:
                Head("prediction_drift", p, line);
                line(3, $"against: {(p.Against == PredictionDriftReference.Train ? "train" : "baseline")}");
                line(3, $"bins: {p.Bins.ToString(CultureInfo.InvariantCulture)}");
                AtMost("psi", p.PsiAtMost, line);
                AtMost("ks", p.KsAtMost, line);
                AtMost("wasserstein", p.WassersteinAtMost, line);
                break;
            case LeakageCheckSpec l:
                Head("leakage", l, line);
                if (l.Features.Count > 0)
                {
                    line(3, $"features: [{string.Join(", ", l.Features.Select(Text))}]");
                }

                AtMost("duplicates", l.DuplicatesAtMost, line);
                AtMost("conflicting_labels", l.ConflictingAtMost, line);
                AtMost("label_proxy", l.LabelProxyAtMost, line);
                break;
            case RejectRateCheckSpec r:
                Head("reject_rate", r, line);
                line(3, $"confidence: {Number(r.ConfidenceThreshold)}");
                AtMost("abstained_share", r.AbstainedShareAtMost, line);
                if (r.SelectiveAccuracyAtLeast is { } least)
                {
                    line(3, $"selective_accuracy: {{ at_least: {Number(least)} }}");
                }

                break;
            case RollingWindowCheckSpec w:
                Head("rolling_window", w, line);
                line(3, $"metric: {w.Metric}");
                if (w.OrderBy is not null)
                {
                    line(3, $"order_by: {Text(w.OrderBy)}");
                }

                line(3, w.Period == WindowPeriod.Count ? $"windows: {w.Windows.ToString(CultureInfo.InvariantCulture)}" : $"period: {w.Period.ToString().ToLowerInvariant()}");
                line(3, $"against: {(w.Against == WindowReference.Mean ? "mean" : "first")}");
                AtMost("latest_drop", w.LatestDropAtMost, line);
                AtMost("worst_drop", w.WorstDropAtMost, line);
                Bound(w.WorstWindow, "worst_window_at_least", "worst_window_at_most", 3, line);
                break;
            case ResourceCostCheckSpec c:
                Head("resource_cost", c, line);
                var bounds = new[] { c.AtMost is { } costAtMost ? $"at_most: {Number(costAtMost)}" : null, c.MaxRelativeIncrease is { } costRelative ? $"max_relative_increase: {Number(costRelative)}" : null };
                line(3, $"{(c.Measure == ResourceMeasure.CpuSecondsPer1000Rows ? "cpu_seconds_per_1000_rows" : "peak_memory_mb")}: {{ {string.Join(", ", bounds.OfType<string>())} }}");
                break;
            case RobustnessCheckSpec r:
                PrintRobustness(r, line);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(spec), spec.GetType().Name, "unknown check kind");
        }
    }

    private static void AtMost(string key, double? value, Action<int, string> line)
    {
        if (value is { } v)
        {
            line(3, $"{key}: {{ at_most: {Number(v)} }}");
        }
    }

    private static void PrintLatency(List<LatencyCheckSpec> group, Action<int, string> line)
    {
        var first = group[0];
        var id = group.Count == 1 ? first.Id : first.Id[..first.Id.LastIndexOf('.')];
        line(1, "- latency:");
        line(3, $"id: {Text(id)}");
        line(3, $"severity: {Severity(first)}");
        OptionalFlag(first, 3, line);
        line(3, $"batch_size: {first.BatchSize.ToString(CultureInfo.InvariantCulture)}");
        foreach (var p in group)
        {
            var parts = new List<string>();
            if (p.AtMostMs is { } ms)
            {
                parts.Add($"at_most: {Number(ms)}");
            }

            if (p.MaxRelativeIncrease is { } rel)
            {
                parts.Add($"max_relative_increase: {Number(rel)}");
            }

            line(3, string.Create(CultureInfo.InvariantCulture, $"p{p.Percentile}_ms: {{ {string.Join(", ", parts)} }}"));
        }
    }

    private static void Head(string kind, CheckSpec spec, Action<int, string> line)
    {
        line(1, $"- {kind}:");
        line(3, $"id: {Text(spec.Id)}");
        line(3, $"severity: {Severity(spec)}");
        if (spec.PerSlice.Count > 0)
        {
            line(3, $"slices: [{string.Join(", ", spec.PerSlice.Select(Text))}]");
        }

        OptionalFlag(spec, 3, line);
    }

    private static void OptionalFlag(CheckSpec spec, int indent, Action<int, string> line)
    {
        if (spec.Optional)
        {
            line(indent, "optional: true");
        }
    }

    private static string Severity(CheckSpec spec) => spec.Severity.ToString().ToLowerInvariant();

    private static void Bound(Bound bound, string lowKey, string highKey, int indent, Action<int, string> line)
    {
        Optional(lowKey, bound.AtLeast, indent, line);
        Optional(highKey, bound.AtMost, indent, line);
    }

    private static void Change(ChangeBound change, int indent, Action<int, string> line)
    {
        Optional("max_drop", change.MaxDrop, indent, line);
        Optional("max_increase", change.MaxIncrease, indent, line);
        Optional("max_relative_drop", change.MaxRelativeDrop, indent, line);
        Optional("max_relative_increase", change.MaxRelativeIncrease, indent, line);
        Optional("min_improvement", change.MinImprovement, indent, line);
    }

    private static void Optional(string key, double? value, int indent, Action<int, string> line)
    {
        if (value is { } v)
        {
            line(indent, $"{key}: {Number(v)}");
        }
    }
}
