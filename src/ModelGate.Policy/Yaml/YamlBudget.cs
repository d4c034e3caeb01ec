using System.Globalization;
using ModelGate.Core.Limits;
using ModelGate.Core.Plan;
using ModelGate.Policy.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ModelGate.Policy.Yaml;

/// <summary>
/// Walks a YAML file's events once, before any tree is built, and stops a file that nests too deep (20,000 '[' would
/// overflow the stack) or whose aliases expand past the node budget (a "billion laughs" file): both in constant memory.
/// </summary>
internal static class YamlBudget
{
    /// <summary>The diagnostic for the first limit exceeded, or null (syntax errors are left to the parser proper).</summary>
    public static PolicyDiagnostic? Check(string text, string file, ResourceLimits limits)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(long ExpandedAtStart, string? Anchor)>();
        long expanded = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        expanded += anchors.TryGetValue(alias.Value.Value, out var size) ? size : 1;
                        if (expanded > limits.YamlNodes)
                        {
                            return Exceeded(file, alias.Start, $"the alias *{alias.Value.Value} expands the policy past {limits.YamlNodes.ToString("N0", CultureInfo.InvariantCulture)} YAML nodes (yaml_nodes)", "yaml_nodes");
                        }

                        break;
                    case Scalar scalar:
                        expanded++;
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchors[scalar.Anchor.Value] = 1;
                        }

                        break;
                    case NodeEvent start when start is SequenceStart or MappingStart:
                        expanded++;
                        open.Push((expanded, start.Anchor.IsEmpty ? null : start.Anchor.Value));
                        if (open.Count > limits.YamlDepth)
                        {
                            return Exceeded(file, start.Start, $"mappings and sequences nest deeper than {limits.YamlDepth.ToString(CultureInfo.InvariantCulture)} levels (yaml_depth)", "yaml_depth");
                        }

                        break;
                    case SequenceEnd or MappingEnd when open.Count > 0:
                        var (atStart, anchor) = open.Pop();
                        if (anchor is not null)
                        {
                            anchors[anchor] = expanded - atStart + 1;
                        }

                        break;
                }

                if (expanded > limits.YamlNodes)
                {
                    return Exceeded(file, parser.Current!.Start, $"the policy has more than {limits.YamlNodes.ToString("N0", CultureInfo.InvariantCulture)} YAML nodes (yaml_nodes)", "yaml_nodes");
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException)
        {
            return null;
        }

        return null;
    }

    private static PolicyDiagnostic Exceeded(string file, Mark at, string what, string limit) => new(
        new SourceLocation(file, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column)),
        DiagnosticLevel.Error,
        $"{what}; a policy needs a few hundred; {LimitExceededException.HowToRaise(limit)}");
}
