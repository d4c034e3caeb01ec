using System.Text.Json;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Results;

namespace ModelGate.Reports.Json;

/// <summary>The measured resource cost of both models behind a resource-cost check in report.json.</summary>
internal static class JsonCost
{
    public static void Write(Utf8JsonWriter w, string name, ResourceCosts costs)
    {
        w.WriteStartObject(name);
        One(w, "candidate", costs.Candidate);
        if (costs.Baseline is { } baseline)
        {
            One(w, "baseline", baseline);
        }

        w.WriteEndObject();
    }

    private static void One(Utf8JsonWriter w, string name, ResourceCost c)
    {
        w.WriteStartObject(name);
        w.WriteNumber("rows", c.Rows);
        JsonValues.Number(w, "cpuSecondsPer1000Rows", c.CpuSecondsPer1000Rows);
        JsonValues.Number(w, "peakMemoryMb", c.PeakMemoryMb);
        JsonValues.Number(w, "gpuSecondsPer1000Rows", c.GpuSecondsPer1000Rows);
        JsonValues.Number(w, "cpuSeconds", c.CpuSeconds);
        JsonValues.Number(w, "wallSeconds", c.WallSeconds);
        w.WriteEndObject();
    }
}
