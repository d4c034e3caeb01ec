using ModelGate.Core.Metrics;
using ModelGate.Core.Results;

namespace ModelGate.Reports.OpenMetrics;

/// <summary>
/// Group metrics with bounded cardinality: only the policy's slices (the result holds no others), and of each slice and
/// metric only the <see cref="OpenMetricsReport.WorstGroups"/> groups where the candidate does worst.
/// </summary>
internal static class GroupFamilies
{
    public static IEnumerable<MetricFamily> Of(GateResult result, RunLabels labels)
    {
        var value = new EstimateSeries("modelgate_group_metric", "A metric of a model on one group of a slice (the worst groups of each slice only)");
        var delta = new EstimateSeries("modelgate_group_metric_delta", "Candidate minus baseline of a metric on one group of a slice");
        var rows = new MetricFamily("modelgate_group_rows", "Holdout rows in one group of a slice.");
        foreach (var worst in result.Groups.GroupBy(g => (g.Slice, g.Metric)).Select(Worst))
        {
            foreach (var g in worst)
            {
                var slice = new Label("slice", g.Slice);
                var group = new Label("group", g.Group);
                var metric = new Label("metric", g.Metric);
                value.Add(labels.Model("candidate", slice, group, metric), g.Candidate);
                value.Add(labels.Model("baseline", slice, group, metric), g.Baseline);
                delta.Add(labels.Run(slice, group, metric), g.Delta);
                rows.Add(labels.Run(slice, group), g.Support);
            }
        }

        return [.. value.Families, .. delta.Families, rows];
    }

    private static IEnumerable<GroupResult> Worst(IGrouping<(string Slice, string Metric), GroupResult> groups)
    {
        var higherIsBetter = MetricCatalog.Find(groups.Key.Metric)?.HigherIsBetter ?? true;
        var defined = groups.Where(g => g.Candidate.IsDefined && !double.IsNaN(g.Candidate.Value));
        var ordered = higherIsBetter
            ? defined.OrderBy(g => g.Candidate.Value)
            : defined.OrderByDescending(g => g.Candidate.Value);
        return ordered.ThenBy(g => g.Group, StringComparer.Ordinal).Take(OpenMetricsReport.WorstGroups);
    }
}
