using System.Text.Json;
using ModelGate.Core;

namespace ModelGate.Reports.Json;

/// <summary>How values shared by many objects are written: numbers round-trip or null, estimates flattened.</summary>
internal static class JsonValues
{
    /// <summary>A finite double with round-trip precision; NaN and infinities as null (JSON has no such numbers).</summary>
    public static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>A string or null.</summary>
    public static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>An estimate as {value, lower, upper, confidence, method (when known), undefinedReason}, or null when absent.</summary>
    public static void Estimate(Utf8JsonWriter w, string name, Estimate? e)
    {
        if (e is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        Number(w, "value", e.IsDefined ? e.Value : null);
        Number(w, "lower", e.Interval?.Lower);
        Number(w, "upper", e.Interval?.Upper);
        Number(w, "confidence", e.Interval?.Confidence);
        if (e.Interval is not null && e.Method is { } method)
        {
            w.WriteString("method", method);
        }

        String(w, "undefinedReason", e.UndefinedReason ?? (e.IsDefined && !double.IsFinite(e.Value) ? "not a finite number" : null));
        w.WriteEndObject();
    }

    /// <summary>A list of strings.</summary>
    public static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
