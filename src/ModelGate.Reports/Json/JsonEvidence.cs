using System.Text.Json;
using ModelGate.Core.Results;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Json;

/// <summary>Groups, flips, calibration bins and ROC curves in JSON.</summary>
internal static class JsonEvidence
{
    public static void Groups(Utf8JsonWriter w, string name, IEnumerable<GroupResult> groups)
    {
        w.WriteStartArray(name);
        foreach (var g in groups)
        {
            w.WriteStartObject();
            w.WriteString("slice", g.Slice);
            w.WriteString("group", g.Group);
            w.WriteNumber("support", g.Support);
            w.WriteBoolean("tooSmall", g.TooSmall);
            w.WriteString("metric", g.Metric);
            JsonValues.Estimate(w, "candidate", g.Candidate);
            JsonValues.Estimate(w, "baseline", g.Baseline);
            JsonValues.Estimate(w, "delta", g.Delta);
            JsonValues.Number(w, "adjustedPValue", g.AdjustedPValue);
            JsonValues.String(w, "verdict", g.Verdict is { } v ? CheckFacts.Word(v) : null);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void Drift(Utf8JsonWriter w, string name, IEnumerable<FeatureDrift> features)
    {
        w.WriteStartArray(name);
        foreach (var f in features)
        {
            w.WriteStartObject();
            w.WriteString("feature", f.Feature);
            w.WriteString("kind", f.Categorical ? "categorical" : "numeric");
            w.WriteNumber("referenceRows", f.ReferenceRows);
            w.WriteNumber("holdoutRows", f.HoldoutRows);
            JsonValues.Number(w, "psi", f.Psi);
            w.WriteString("test", f.Categorical ? "chi_square" : "kolmogorov_smirnov");
            JsonValues.Number(w, "statistic", f.Statistic);
            JsonValues.Number(w, "pValue", f.PValue);
            JsonValues.Number(w, "adjustedPValue", f.AdjustedPValue);
            JsonValues.Number(w, "wasserstein", f.Wasserstein);
            JsonValues.Number(w, "jensenShannon", f.JensenShannon);
            w.WriteBoolean("drifted", f.Drifted);
            w.WriteBoolean("beyondBound", f.BeyondBound);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void Leakage(Utf8JsonWriter w, string name, LeakageFindings l)
    {
        w.WriteStartObject(name);
        w.WriteNumber("holdoutRows", l.HoldoutRows);
        w.WriteNumber("duplicateRows", l.DuplicateRows);
        Strings(w, "duplicateIds", l.DuplicateIds);
        w.WriteNumber("conflictingRows", l.ConflictingRows);
        Strings(w, "conflictingIds", l.ConflictingIds);
        w.WriteStartArray("labelProxies");
        foreach (var p in l.Proxies)
        {
            w.WriteStartObject();
            w.WriteString("feature", p.Feature);
            JsonValues.Number(w, "score", p.Score);
            w.WriteBoolean("beyondBound", p.BeyondBound);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Abstention(Utf8JsonWriter w, string name, Abstention a)
    {
        w.WriteStartObject(name);
        JsonValues.Number(w, "threshold", a.Threshold);
        w.WriteNumber("rows", a.Rows);
        w.WriteNumber("abstained", a.Abstained);
        JsonValues.Number(w, "abstainedShare", a.AbstainedShare);
        JsonValues.Number(w, "selectiveAccuracy", a.SelectiveAccuracy);
        JsonValues.Number(w, "overallAccuracy", a.OverallAccuracy);
        w.WriteStartArray("riskCoverage");
        foreach (var pt in a.Curve)
        {
            w.WriteStartObject();
            JsonValues.Number(w, "coverage", pt.Coverage);
            JsonValues.Number(w, "risk", pt.Risk);
            JsonValues.Number(w, "confidence", pt.Confidence);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    public static void Flips(Utf8JsonWriter w, string name, FlipSummary? f)
    {
        if (f is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("rows", f.Rows);
        w.WriteNumber("negativeFlips", f.NegativeFlips);
        w.WriteNumber("positiveFlips", f.PositiveFlips);
        w.WriteNumber("candidateErrors", f.CandidateErrors);
        JsonValues.Number(w, "negativeFlipRate", f.NegativeFlipRate);
        JsonValues.Number(w, "negativeFlipImpact", f.NegativeFlipImpact);
        JsonValues.Strings(w, "negativeFlipRowIds", f.NegativeFlipRowIds);
        w.WriteStartArray("negativeFlipRows");
        foreach (var row in f.NegativeFlipRows)
        {
            w.WriteNumberValue(row);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Calibration(Utf8JsonWriter w, IReadOnlyList<CalibrationCurve> curves)
    {
        w.WriteStartArray("calibration");
        foreach (var c in curves)
        {
            w.WriteStartObject();
            w.WriteString("metric", c.Metric);
            Bins(w, "candidate", c.Candidate);
            if (c.Baseline is null)
            {
                w.WriteNull("baseline");
            }
            else
            {
                Bins(w, "baseline", c.Baseline);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void Roc(Utf8JsonWriter w, IReadOnlyList<RocCurve> curves)
    {
        w.WriteStartArray("rocCurves");
        foreach (var c in curves)
        {
            w.WriteStartObject();
            w.WriteString("model", c.Model);
            w.WriteString("label", c.Label);
            JsonValues.Number(w, "auc", c.Auc);
            w.WriteStartArray("points");
            foreach (var p in c.Points)
            {
                w.WriteStartObject();
                JsonValues.Number(w, "fpr", p.FalsePositiveRate);
                JsonValues.Number(w, "tpr", p.TruePositiveRate);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void FlippedRows(Utf8JsonWriter w, IReadOnlyList<RowFeatures> rows)
    {
        w.WriteStartArray("flippedRowFeatures");
        foreach (var row in rows)
        {
            w.WriteStartObject();
            w.WriteString("rowId", row.RowId);
            w.WriteStartArray("values");
            foreach (var v in row.Values)
            {
                w.WriteStartObject();
                w.WriteString("column", v.Column);
                w.WriteString("value", v.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Bins(Utf8JsonWriter w, string name, IReadOnlyList<ReliabilityBin> bins)
    {
        w.WriteStartArray(name);
        foreach (var b in bins)
        {
            w.WriteStartObject();
            JsonValues.Number(w, "lower", b.Lower);
            JsonValues.Number(w, "upper", b.Upper);
            w.WriteNumber("count", b.Count);
            JsonValues.Number(w, "meanConfidence", b.Count == 0 ? null : b.MeanConfidence);
            JsonValues.Number(w, "observedFrequency", b.Count == 0 ? null : b.ObservedFrequency);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
