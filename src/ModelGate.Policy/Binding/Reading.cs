using System.Globalization;
using ModelGate.Core.Plan;
using ModelGate.Policy.Diagnostics;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>Typed reads from located nodes; every mistake becomes a diagnostic and the read returns null.</summary>
internal sealed class Reading
{
    private readonly List<PolicyDiagnostic> _diagnostics;

    public Reading(List<PolicyDiagnostic> diagnostics) => _diagnostics = diagnostics;

    public IReadOnlyList<PolicyDiagnostic> Diagnostics => _diagnostics;

    public int ErrorCount => _diagnostics.Count(d => d.IsError);

    public void Error(SourceLocation at, string message) => _diagnostics.Add(new PolicyDiagnostic(at, DiagnosticLevel.Error, message));

    public void Warning(SourceLocation at, string message) => _diagnostics.Add(new PolicyDiagnostic(at, DiagnosticLevel.Warning, message));

    /// <summary>The node as a mapping, or null (absent, null, or an error for another kind).</summary>
    public MappingNode? Map(PolicyNode? node, string name)
    {
        switch (node)
        {
            case null:
            case ScalarNode { IsNull: true }:
                return null;
            case MappingNode map:
                return map;
            default:
                Error(node.Location, $"'{name}' must be a mapping (indented 'key: value' lines), got {node.Describe()}");
                return null;
        }
    }

    /// <summary>Reports keys not in <paramref name="allowed"/>, with the closest valid key.</summary>
    public void Keys(MappingNode map, string section, IReadOnlyList<string> allowed)
    {
        foreach (var (key, _) in map.Entries)
        {
            if (!allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                Error(key.Location, $"unknown key '{key.Value}' in {section}{Suggestions.DidYouMean(key.Value, allowed)} (valid keys: {string.Join(", ", allowed)})");
            }
        }
    }

    public static PolicyNode? Value(MappingNode map, string key) => map[key] is ScalarNode { IsNull: true } ? null : map[key];

    public ScalarNode? Scalar(MappingNode map, string key, string expected)
    {
        switch (Value(map, key))
        {
            case null:
                return null;
            case ScalarNode s:
                return s;
            case var other:
                Error(other.Location, $"'{key}' must be {expected}, got {other.Describe()}");
                return null;
        }
    }

    public string? Text(MappingNode map, string key)
    {
        var node = Scalar(map, key, "text");
        if (node is null)
        {
            return null;
        }

        if (ScalarTypes.TryBoolean(node, out _))
        {
            Error(node.Location, $"'{key}' must be text, got a boolean; quote it if you mean the text '{node.Value}'");
            return null;
        }

        return node.Value;
    }

    public string? RequiredText(MappingNode map, string key, string section, string what)
    {
        var value = Text(map, key);
        if (value is null && Value(map, key) is null)
        {
            Error(map.Location, $"{section} needs '{key}' ({what})");
        }

        return value;
    }

    public double? Number(MappingNode map, string key)
    {
        var node = Scalar(map, key, "a number");
        if (node is null)
        {
            return null;
        }

        if (!ScalarTypes.TryNumber(node, out var value))
        {
            Error(node.Location, $"'{key}' must be a number, got {node.Describe()} ('{node.Value}')");
            return null;
        }

        return value;
    }

    /// <summary>A number that must lie in [min, max] (or the open ends when <paramref name="openMin"/> / <paramref name="openMax"/>).</summary>
    public double? NumberIn(MappingNode map, string key, double min, double max, string hint, bool openMin = false, bool openMax = false)
    {
        var value = Number(map, key);
        if (value is { } v && (v < min || v > max || (openMin && v == min) || (openMax && v == max)))
        {
            Error(Location(map, key), $"'{key}' must be {hint}, got {Format(v)}");
            return null;
        }

        return value;
    }

    public long? Integer(MappingNode map, string key, long min, string hint)
    {
        var node = Scalar(map, key, "a whole number");
        if (node is null)
        {
            return null;
        }

        if (!ScalarTypes.TryInteger(node, out var value))
        {
            Error(node.Location, $"'{key}' must be a whole number, got {node.Describe()} ('{node.Value}')");
            return null;
        }

        if (value < min)
        {
            Error(node.Location, $"'{key}' must be {hint}, got {value.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    public bool? Boolean(MappingNode map, string key)
    {
        var node = Scalar(map, key, "true or false");
        if (node is null)
        {
            return null;
        }

        if (!ScalarTypes.TryBoolean(node, out var value))
        {
            Error(node.Location, $"'{key}' must be true or false, got {node.Describe()} ('{node.Value}')");
            return null;
        }

        return value;
    }

    public T? Choice<T>(MappingNode map, string key, IReadOnlyList<(string Name, T Value)> choices)
        where T : struct
    {
        var node = Scalar(map, key, "one of " + string.Join(", ", choices.Select(c => c.Name)));
        return node is null ? null : Choice(node, key, choices);
    }

    public T? Choice<T>(ScalarNode node, string key, IReadOnlyList<(string Name, T Value)> choices)
        where T : struct
    {
        foreach (var (name, value) in choices)
        {
            if (node.Value == name)
            {
                return value;
            }
        }

        var names = choices.Select(c => c.Name).ToList();
        Error(node.Location, $"'{key}' must be one of {string.Join(", ", names)}; got '{node.Value}'{Suggestions.DidYouMean(node.Value, names)}");
        return null;
    }

    /// <summary>A list of text items; a single text value is accepted as a one-item list when <paramref name="allowSingle"/>.</summary>
    public IReadOnlyList<ScalarNode>? TextList(MappingNode map, string key, bool allowSingle = false)
    {
        var node = Value(map, key);
        switch (node)
        {
            case null:
                return null;
            case ScalarNode s when allowSingle:
                return [s];
            case SequenceNode seq:
                var items = new List<ScalarNode>();
                foreach (var item in seq.Items)
                {
                    if (item is ScalarNode { IsNull: false } text)
                    {
                        items.Add(text);
                    }
                    else
                    {
                        Error(item.Location, $"'{key}' must list column or slice names, got {item.Describe()} in the list");
                    }
                }

                return items;
            default:
                Error(node.Location, $"'{key}' must be a list such as [a, b], got {node.Describe()}");
                return null;
        }
    }

    public IReadOnlyList<double>? NumberList(MappingNode map, string key)
    {
        var node = Value(map, key);
        switch (node)
        {
            case null:
                return null;
            case SequenceNode seq:
                var values = new List<double>();
                foreach (var item in seq.Items)
                {
                    if (item is ScalarNode s && ScalarTypes.TryNumber(s, out var v))
                    {
                        values.Add(v);
                    }
                    else
                    {
                        Error(item.Location, $"'{key}' must be a list of numbers, got {item.Describe()} in the list");
                        return null;
                    }
                }

                return values;
            default:
                Error(node.Location, $"'{key}' must be a list of numbers such as [0, 25, 45], got {node.Describe()}");
                return null;
        }
    }

    public static SourceLocation Location(MappingNode map, string key) => map[key]?.Location ?? map.Location;

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
