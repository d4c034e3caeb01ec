using System.Text.Json;
using ModelGate.Core.Results;

namespace ModelGate.Reports.Json;

/// <summary>A robustness check's evidence in report.json: both models' flip rates and metric drops, and the least stable groups.</summary>
internal static class JsonRobustness
{
    public static void Write(Utf8JsonWriter w, string name, RobustnessFindings f)
    {
        w.WriteStartObject(name);
        JsonValues.Strings(w, "perturbations", f.Perturbations);
        w.WriteNumber("repeats", f.Repeats);
        w.WriteNumber("seed", f.Seed);
        JsonValues.String(w, "scaleFrom", f.ScaleSource);
        w.WriteNumber("rows", f.Rows);
        JsonValues.String(w, "metric", f.Metric);
        if (f.Tolerance is { } tolerance)
        {
            JsonValues.Number(w, "tolerance", tolerance);
        }

        Side(w, "candidate", f.Candidate);
        if (f.Baseline is { } b)
        {
            Side(w, "baseline", b);
        }

        JsonValues.Estimate(w, "flipRateOverBaseline", f.FlipExcess);
        w.WriteStartArray("worstGroups");
        foreach (var g in f.WorstGroups)
        {
            w.WriteStartObject();
            w.WriteString("slice", g.Slice);
            w.WriteString("group", g.Group);
            w.WriteNumber("rows", g.Rows);
            JsonValues.Number(w, "candidateFlipRate", g.CandidateFlipRate);
            JsonValues.Number(w, "baselineFlipRate", g.BaselineFlipRate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Side(Utf8JsonWriter w, string name, RobustnessSide s)
    {
        w.WriteStartObject(name);
        JsonValues.Estimate(w, "flipRate", s.FlipRate);
        JsonValues.Number(w, "unperturbed", s.Unperturbed);
        JsonValues.Number(w, "perturbed", s.Perturbed);
        JsonValues.Estimate(w, "drop", s.Drop);
        w.WriteEndObject();
    }
}
