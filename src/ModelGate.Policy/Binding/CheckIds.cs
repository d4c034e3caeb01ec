using System.Text;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>The id of a check as written: its explicit <c>id:</c>, else the metric (metric checks) or the kind.</summary>
internal static class CheckIds
{
    /// <summary>The check kinds written as a single key holding a mapping.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["generalization_gap", "calibration", "subgroups", "fairness", "safety", "latency", "model_size_mb", "drift", "prediction_drift", "leakage", "reject_rate", "rolling_window", "resource_cost", "robustness"];

    /// <summary>The id a check item gets; null when the item is not a recognisable check.</summary>
    public static string? Of(PolicyNode item)
    {
        if (item is not MappingNode map)
        {
            return null;
        }

        if (map["metric"] is not null && !map.Entries.Any(e => Kinds.Contains(e.Key.Value)))
        {
            return Text(map, "id") ?? Text(map, "metric");
        }

        if (map.Entries.Count == 1 && Kinds.Contains(map.Entries[0].Key.Value))
        {
            var kind = map.Entries[0].Key.Value;
            var body = map.Entries[0].Value as MappingNode;
            return (body is null ? null : Text(body, "id")) ?? Default(kind, body);
        }

        return null;
    }

    /// <summary>The default id of a kind: the kind itself, or <c>safety.&lt;name&gt;</c> for safety checks.</summary>
    public static string Default(string kind, MappingNode? body) =>
        kind == "safety" && body is not null && Text(body, "name") is { } name ? "safety." + Slug(name) : kind;

    /// <summary>Lower-case letters, digits and underscores.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var collapsed = slug.ToString();
        while (collapsed.Contains("__", StringComparison.Ordinal))
        {
            collapsed = collapsed.Replace("__", "_", StringComparison.Ordinal);
        }

        return collapsed.Trim('_');
    }

    private static string? Text(MappingNode map, string key) => map[key] is ScalarNode { IsNull: false } s ? s.Value : null;
}
