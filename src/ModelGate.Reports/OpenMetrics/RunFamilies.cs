using ModelGate.Core.Results;

namespace ModelGate.Reports.OpenMetrics;

/// <summary>What the run was: its time, duration, holdout size, tool versions, and each model's identity and size.</summary>
internal static class RunFamilies
{
    public static IEnumerable<MetricFamily> Of(GateResult result, ReportContext context, RunLabels labels)
    {
        var info = new MetricFamily("modelgate_run_info", "Always 1; the labels name the ModelGate and ONNX Runtime versions and the execution provider.");
        var timestamp = new MetricFamily("modelgate_run_timestamp_seconds", "When the report was generated, in seconds since the Unix epoch.", "seconds");
        var duration = new MetricFamily("modelgate_run_duration_seconds", "How long the run took, from start to verdict.", "seconds");
        var rows = new MetricFamily("modelgate_holdout_rows", "Holdout rows judged.");
        var model = new MetricFamily("modelgate_model_info", "Always 1; the labels name a model's role, SHA-256 and version.");
        var size = new MetricFamily("modelgate_model_size_bytes", "Size of a model file.", "bytes");

        var p = context.Provenance;
        var versions = new List<Label>();
        if (p is not null)
        {
            versions.Add(new Label("modelgate_version", p.ModelGateVersion));
            versions.Add(new Label("onnxruntime_version", p.OnnxRuntimeVersion ?? "unknown"));
            versions.Add(new Label("execution_provider", p.ExecutionProvider ?? "unknown"));
        }

        info.Add(labels.Run([.. versions]), 1);
        timestamp.Add(labels.Run(), context.GeneratedAt.ToUnixTimeMilliseconds() / 1000.0);
        duration.Add(labels.Run(), context.DurationSeconds);
        rows.Add(labels.Run(), result.Rows);
        foreach (var m in p?.Models ?? [])
        {
            model.Add(labels.Model(m.Role), 1);
            size.Add(labels.Model(m.Role), m.Bytes);
        }

        return [info, timestamp, duration, rows, model, size];
    }
}
