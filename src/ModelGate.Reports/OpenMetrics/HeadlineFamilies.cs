using ModelGate.Core.Results;

namespace ModelGate.Reports.OpenMetrics;

/// <summary>Headline metrics per model and their paired deltas, each with its interval.</summary>
internal static class HeadlineFamilies
{
    public static IEnumerable<MetricFamily> Of(GateResult result, RunLabels labels)
    {
        var value = new EstimateSeries("modelgate_metric", "A headline metric of a model on the holdout");
        var delta = new EstimateSeries("modelgate_metric_delta", "Candidate minus baseline of a headline metric, with its paired interval");
        foreach (var m in result.Headline)
        {
            var metric = new Label("metric", m.Metric);
            value.Add(labels.Model("candidate", metric), m.Candidate);
            value.Add(labels.Model("baseline", metric), m.Baseline);
            delta.Add(labels.Run(metric), m.Delta);
        }

        return [.. value.Families, .. delta.Families];
    }
}
