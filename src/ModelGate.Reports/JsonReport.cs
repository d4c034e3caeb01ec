using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Json;
using ModelGate.Reports.Text;

namespace ModelGate.Reports;

/// <summary>The machine-readable report, schema <see cref="Schema"/> (documented in docs/report-json.md).</summary>
internal static class JsonReport
{
    /// <summary>The schema id written first in every report; bumped on any breaking change.</summary>
    public const string Schema = "modelgate-report/1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The report as UTF-8 JSON text ending with a newline; properties always present, in a fixed order.</summary>
    public static string Render(GateResult result, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("generatedAt", NumberText.Timestamp(context.GeneratedAt));
            WriteGate(w, result, context);
            w.WriteString("task", result.Task.ToString().ToLowerInvariant());
            w.WriteNumber("rows", result.Rows);
            w.WriteBoolean("hasBaseline", result.HasBaseline);
            w.WriteStartObject("nonFiniteScoreRows");
            w.WriteNumber("count", result.NonFiniteScoreRowCount);
            JsonValues.Strings(w, "rowIds", result.NonFiniteScoreRows);
            w.WriteEndObject();
            JsonValues.String(w, "baselineProblem", result.BaselineProblem);
            WriteStatistics(w, result);
            JsonChecks.Write(w, result.Checks);
            WriteHeadline(w, result.Headline);
            JsonEvidence.Calibration(w, result.Calibration);
            JsonEvidence.Groups(w, "groups", result.Groups);
            JsonEvidence.Flips(w, "flips", result.Flips);
            JsonEvidence.FlippedRows(w, context.FlippedRows);
            JsonRowEvidence.Write(w, context.Evidence);
            JsonEvidence.Roc(w, context.RocCurves);
            WriteProvenance(w, context.Provenance);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteGate(Utf8JsonWriter w, GateResult r, ReportContext ctx)
    {
        var s = GateSummary.Of(r);
        w.WriteStartObject("gate");
        w.WriteString("key", ctx.GateKey);
        w.WriteString("verdict", r.Passed ? "pass" : "fail");
        w.WriteBoolean("passed", r.Passed);
        w.WriteBoolean("clean", r.Clean);
        JsonValues.String(w, "policyPath", ctx.PolicyPath);
        w.WriteStartObject("counts");
        w.WriteNumber("checks", s.Total);
        w.WriteNumber("pass", s.Passing);
        w.WriteNumber("fail", r.Count(ModelGate.Core.Verdict.Fail));
        w.WriteNumber("inconclusive", s.Inconclusive);
        w.WriteNumber("skipped", s.Skipped);
        w.WriteNumber("waived", s.Waived);
        w.WriteNumber("failing", s.Failing);
        w.WriteNumber("warnings", s.Warnings);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteStatistics(Utf8JsonWriter w, GateResult r)
    {
        var st = r.Statistics;
        w.WriteStartObject("statistics");
        w.WriteNumber("confidence", st.Confidence);
        w.WriteNumber("resamples", st.Resamples);

        // A ulong seed can exceed 2^53; as a string no JSON reader loses digits.
        w.WriteString("seed", st.Seed.ToString(CultureInfo.InvariantCulture));
        w.WriteString("inconclusiveSeverity", CheckFacts.Word(st.InconclusiveSeverity));
        w.WriteString("likelyRegressionSeverity", CheckFacts.Word(st.LikelyRegression));
        w.WriteString("uncomputableSeverity", CheckFacts.Word(st.Uncomputable));
        w.WriteString("mode", st.Mode == ModelGate.Core.Plan.JudgeMode.Interval ? "interval" : "point_estimate");
        w.WriteNumber("minSupport", st.MinSupport);
        w.WriteNumber("falseDiscoveryRate", st.FalseDiscoveryRate);
        w.WriteString("method", CheckFacts.MethodWord(st.Method));
        w.WriteEndObject();
    }

    private static void WriteHeadline(Utf8JsonWriter w, IReadOnlyList<MetricComparison> headline)
    {
        w.WriteStartArray("headline");
        foreach (var m in headline)
        {
            w.WriteStartObject();
            w.WriteString("metric", m.Metric);
            JsonValues.Estimate(w, "candidate", m.Candidate);
            JsonValues.Estimate(w, "baseline", m.Baseline);
            JsonValues.Estimate(w, "delta", m.Delta);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteIfKnown(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteProvenance(Utf8JsonWriter w, Provenance? p)
    {
        if (p is null)
        {
            w.WriteNull("provenance");
            return;
        }

        w.WriteStartObject("provenance");
        w.WriteString("modelGateVersion", p.ModelGateVersion);
        JsonValues.String(w, "onnxRuntimeVersion", p.OnnxRuntimeVersion);
        JsonValues.String(w, "device", p.Device);
        JsonValues.String(w, "executionProvider", p.ExecutionProvider);

        // Written only when the run recorded them, so reports made without (tests, older runs) keep their shape.
        WriteIfKnown(w, "onnxRuntimeBuild", p.OnnxRuntimeBuild);
        WriteIfKnown(w, "onnxRuntimeLibrary", p.OnnxRuntimeLibrary);
        WriteIfKnown(w, "deviceName", p.DeviceName);
        if (p.DeviceMemoryBytes is { } memory)
        {
            w.WriteNumber("deviceMemoryBytes", memory);
        }

        JsonValues.String(w, "policySha256", p.PolicySha256);
        w.WriteStartArray("models");
        foreach (var m in p.Models)
        {
            w.WriteStartObject();
            w.WriteString("role", m.Role);
            w.WriteString("path", m.Path);
            w.WriteString("sha256", m.Sha256);
            w.WriteNumber("bytes", m.Bytes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("data");
        foreach (var d in p.Data)
        {
            w.WriteStartObject();
            w.WriteString("role", d.Role);
            w.WriteString("path", d.Path);
            w.WriteString("sha256", d.Sha256);
            w.WriteNumber("rows", d.Rows);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        // Only runs with data.text write it, so the other reports keep their shape.
        if (p.Texts.Count > 0)
        {
            w.WriteStartArray("textInputs");
            foreach (var t in p.Texts)
            {
                w.WriteStartObject();
                w.WriteString("column", t.Column);
                w.WriteNumber("rows", t.Rows);
                w.WriteNumber("maxLength", t.MaxLength);
                w.WriteString("overflow", t.Refused ? "refuse" : "truncate");
                w.WriteNumber("truncated", t.Truncated);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }
}
