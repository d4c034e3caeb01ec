using System.Text.Json;
using ModelGate.Core.Results;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Json;

/// <summary><c>evidence</c>: the rows <c>report.evidence</c> shows, with image paths (never image bytes) or shortened texts.</summary>
internal static class JsonRowEvidence
{
    /// <summary>Writes the property; nothing when the policy names no evidence column, so other reports keep their bytes.</summary>
    public static void Write(Utf8JsonWriter w, RowEvidence? evidence)
    {
        if (evidence is null)
        {
            return;
        }

        w.WriteStartObject("evidence");
        w.WriteString("kind", evidence.Kind == EvidenceKind.Image ? "image" : "text");
        w.WriteString("column", evidence.Column);
        JsonValues.String(w, "htmlReport", evidence.HtmlFile);
        Array(w, "lists", evidence.Lists, list =>
        {
            w.WriteString("title", list.Title);
            w.WriteString("note", list.Note);
            Array(w, "rows", list.Rows, row => Row(w, row, evidence));
        });
        w.WriteEndObject();
    }

    private static void Array<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<T> writeObject)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            writeObject(item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Row(Utf8JsonWriter w, EvidenceRow row, RowEvidence evidence)
    {
        var images = evidence.Kind == EvidenceKind.Image;
        w.WriteString("rowId", row.RowId);
        w.WriteString("label", row.Label);
        Answer(w, "candidate", row.Candidate);
        Answer(w, "baseline", row.Baseline);
        w.WriteString("value", images ? row.Value : EvidenceText.Shorten(row.Value, evidence.MaxChars));
        if (images)
        {
            JsonValues.String(w, "imageUnavailable", row.Image?.Unavailable);
        }
    }

    private static void Answer(Utf8JsonWriter w, string name, EvidencePrediction? prediction)
    {
        if (prediction is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("class", prediction.Class);
        JsonValues.Number(w, "confidence", prediction.Confidence);
        w.WriteEndObject();
    }
}
