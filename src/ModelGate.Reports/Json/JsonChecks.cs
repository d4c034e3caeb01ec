using System.Text.Json;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Json;

/// <summary>The checks array.</summary>
internal static class JsonChecks
{
    public static void Write(Utf8JsonWriter w, IReadOnlyList<CheckResult> checks)
    {
        w.WriteStartArray("checks");
        foreach (var c in checks)
        {
            var spec = c.Spec;
            w.WriteStartObject();
            w.WriteString("id", spec.Id);
            w.WriteString("title", spec.Title);
            w.WriteString("kind", CheckFacts.Kind(spec));
            JsonValues.String(w, "metric", CheckFacts.Metric(spec));
            w.WriteString("severity", CheckFacts.Word(spec.Severity));
            w.WriteString("verdict", CheckFacts.Word(c.Verdict));
            w.WriteBoolean("blocks", c.Blocks);
            w.WriteString("reason", c.Reason);
            w.WriteString("threshold", c.Threshold);
            JsonValues.Estimate(w, "candidate", c.Candidate);
            JsonValues.Estimate(w, "baseline", c.Baseline);
            JsonValues.Estimate(w, "delta", c.Delta);
            JsonValues.String(w, "intervalMethod", c.IntervalMethod);
            w.WriteBoolean("likelyRegression", c.LikelyRegression);
            w.WriteBoolean("uncomputable", c.Uncomputable);
            w.WriteBoolean("optional", spec.Optional);
            JsonValues.Number(w, "pValue", c.PValue);
            JsonValues.Number(w, "minimumDetectableEffect", c.MinimumDetectableEffect);
            JsonValues.Number(w, "undetectableBound", c.UndetectableBound);
            if (c.RowsNeeded is { } rows)
            {
                w.WriteNumber("rowsNeeded", rows);
            }
            else
            {
                w.WriteNull("rowsNeeded");
            }

            if (spec.Waiver is { } waiver)
            {
                w.WriteStartObject("waiver");
                w.WriteString("reason", waiver.Reason);
                w.WriteString("owner", waiver.Owner);
                w.WriteString("expires", NumberText.Date(waiver.Expires));
                w.WriteBoolean("expired", c.WaiverExpired);
                w.WriteBoolean("applied", c.Verdict == ModelGate.Core.Verdict.Waived);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("waiver");
            }

            if (spec.Location is { } loc)
            {
                w.WriteStartObject("location");
                w.WriteString("file", loc.File);
                w.WriteNumber("line", loc.Line);
                w.WriteNumber("column", loc.Column);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("location");
            }

            JsonEvidence.Groups(w, "groups", c.Groups);
            JsonEvidence.Flips(w, "flips", c.Flips);
            if (c.Drift.Count > 0)
            {
                JsonEvidence.Drift(w, "drift", c.Drift);
            }

            if (c.Cost is { } cost)
            {
                JsonCost.Write(w, "cost", cost);
            }

            if (c.Windows is { } windows)
            {
                JsonWindows.Write(w, "windows", windows);
            }

            if (c.Abstention is { } abstention)
            {
                JsonEvidence.Abstention(w, "abstention", abstention);
            }

            if (c.Robustness is { } robustness)
            {
                JsonRobustness.Write(w, "robustness", robustness);
            }

            if (c.Leakage is { } leakage)
            {
                JsonEvidence.Leakage(w, "leakage", leakage);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
