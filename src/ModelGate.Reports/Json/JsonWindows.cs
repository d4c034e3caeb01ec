using System.Text.Json;
using ModelGate.Core.Results;

namespace ModelGate.Reports.Json;

/// <summary>The per-window evidence of a rolling-window check in report.json.</summary>
internal static class JsonWindows
{
    public static void Write(Utf8JsonWriter w, string name, WindowSeries s)
    {
        w.WriteStartObject(name);
        w.WriteString("metric", s.Metric);
        JsonValues.String(w, "orderBy", s.OrderBy);
        w.WriteString("against", s.Against);
        JsonValues.Number(w, "reference", s.Reference);
        JsonValues.Number(w, "latestDrop", s.LatestDrop);
        JsonValues.Number(w, "worstDrop", s.WorstDrop);
        w.WriteStartArray("windows");
        foreach (var x in s.Windows)
        {
            w.WriteStartObject();
            w.WriteString("name", x.Name);
            w.WriteNumber("support", x.Support);
            w.WriteBoolean("tooSmall", x.TooSmall);
            JsonValues.Estimate(w, "candidate", x.Candidate);
            if (x.Baseline is not null)
            {
                JsonValues.Estimate(w, "baseline", x.Baseline);
            }

            JsonValues.Estimate(w, "relativeDrop", x.RelativeDrop);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
