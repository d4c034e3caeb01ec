using ModelGate.Core.Limits;
using ModelGate.Core.Plan;
using ModelGate.Policy.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModelGate.Policy.Yaml;

/// <summary>Reads one YAML file with YamlDotNet's representation model into located <see cref="PolicyNode"/>s.</summary>
internal static class PolicyYamlReader
{
    /// <summary>Parses <paramref name="text"/>; syntax errors become located diagnostics and the result is null.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="displayPath">The file name used in locations.</param>
    /// <param name="diagnostics">Receives syntax errors.</param>
    public static PolicyNode? Parse(string text, string displayPath, ICollection<PolicyDiagnostic> diagnostics) =>
        Parse(text, displayPath, diagnostics, ResourceLimits.Default);

    /// <summary>Parses <paramref name="text"/> within <paramref name="limits"/> (nesting depth, nodes after alias expansion).</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="displayPath">The file name used in locations.</param>
    /// <param name="diagnostics">Receives syntax errors and exceeded limits.</param>
    /// <param name="limits">The YAML limits.</param>
    public static PolicyNode? Parse(string text, string displayPath, ICollection<PolicyDiagnostic> diagnostics, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(limits);
        if (YamlBudget.Check(text, displayPath, limits) is { } exceeded)
        {
            diagnostics.Add(exceeded);
            return null;
        }

        var stream = new YamlStream();
        using var reader = new StringReader(text);
        var parser = new Parser(reader);
        try
        {
            stream.Load(parser);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner can fail on some malformed input without a YamlException; the last event it
            // produced is the best location available.
            var at = parser.Current is { } last ? At(displayPath, last.End) : new SourceLocation(displayPath, 1, 1);
            diagnostics.Add(new PolicyDiagnostic(at, DiagnosticLevel.Error, "YAML syntax: the file cannot be read past this point; check the quotes, brackets and indentation that follow"));
            return null;
        }
        catch (YamlException e)
        {
            var what = Describe(e);
            var message = what.StartsWith("Duplicate key ", StringComparison.Ordinal)
                ? $"the key '{what["Duplicate key ".Length..]}' is written twice in the same mapping; keep one"
                : $"YAML syntax: {what}; fix the YAML (indentation, a missing ':' or an unclosed quote are the usual causes)";
            diagnostics.Add(new PolicyDiagnostic(At(displayPath, e.Start), DiagnosticLevel.Error, message));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these, without a position, on some malformed input (e.g. "  {key: value" mid-block,
            // or an event its representation model does not support) instead of a YamlException.
            diagnostics.Add(new PolicyDiagnostic(new SourceLocation(displayPath, 1, 1), DiagnosticLevel.Error,
                "YAML syntax: the file cannot be parsed; look for an unclosed '{' or '[' (or a stray one at the start of a value) and fix the YAML"));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(new PolicyDiagnostic(new SourceLocation(displayPath, 1, 1), DiagnosticLevel.Error, "the policy file is empty; start it with 'version: 1'"));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            diagnostics.Add(new PolicyDiagnostic(At(displayPath, second.Start), DiagnosticLevel.Error, "the file holds more than one YAML document; keep one policy per file and remove the '---' separator"));
            return null;
        }

        return Convert(stream.Documents[0].RootNode, displayPath);
    }

    private static string Describe(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message).TrimEnd('.');
    }

    private static PolicyNode Convert(YamlNode node, string file) => node switch
    {
        YamlScalarNode s => new ScalarNode(
            At(file, s.Start),
            s.Value ?? string.Empty,
            s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted,
            s.Style is ScalarStyle.Literal or ScalarStyle.Folded),
        YamlSequenceNode q => new SequenceNode(At(file, q.Start), [.. q.Children.Select(c => Convert(c, file))]),
        YamlMappingNode m => new MappingNode(
            At(file, m.Start),
            [.. m.Children.Select(kv => new KeyValuePair<ScalarNode, PolicyNode>(
                kv.Key as YamlScalarNode is { } k
                    ? (ScalarNode)Convert(k, file)
                    : new ScalarNode(At(file, kv.Key.Start), "<complex key>", false, false),
                Convert(kv.Value, file)))]),
        _ => new ScalarNode(At(file, node.Start), string.Empty, false, false),
    };

    private static SourceLocation At(string file, Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
