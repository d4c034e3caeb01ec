using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelGate.Cli.Tests.Monitoring;

/// <summary>One sample of a Prometheus text exposition: name, labels (unescaped) and value.</summary>
internal sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string this[string label] => Labels.TryGetValue(label, out var v) ? v : string.Empty;
}

/// <summary>Just enough of a text-format reader to compare what ModelGate wrote with what the Pushgateway serves.</summary>
internal static partial class Exposition
{
    public static IReadOnlyList<Sample> Parse(string text) =>
    [
        .. text.Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => SampleLine().Match(l))
            .Select(m => new Sample(
                m.Groups["name"].Value,
                LabelPair().Matches(m.Groups["labels"].Value).ToDictionary(p => p.Groups[1].Value, p => Unescape(p.Groups[2].Value), StringComparer.Ordinal),
                double.Parse(m.Groups["value"].Value.Replace("+Inf", "Infinity", StringComparison.Ordinal), CultureInfo.InvariantCulture))),
    ];

    private static string Unescape(string value) => Regex.Replace(value, @"\\(.)", m => m.Groups[1].Value == "n" ? "\n" : m.Groups[1].Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
