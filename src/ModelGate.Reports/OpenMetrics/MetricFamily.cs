using System.Text;

namespace ModelGate.Reports.OpenMetrics;

/// <summary>
/// One gauge family: its HELP, optional UNIT and its samples in insertion order. A label set already present is not
/// added twice (both parsers reject duplicate series), and undefined values (NaN) are left out rather than exported.
/// </summary>
internal sealed class MetricFamily(string name, string help, string? unit = null)
{
    private readonly List<(IReadOnlyList<Label> Labels, double Value)> _samples = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>The family's name, e.g. <c>modelgate_latency_seconds</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Adds a sample unless its value is missing or NaN, or its label set is already present.</summary>
    public void Add(IReadOnlyList<Label> labels, double? value)
    {
        if (value is not { } v || double.IsNaN(v))
        {
            return;
        }

        var key = new StringBuilder();
        AppendLabels(key, labels);
        if (_seen.Add(key.ToString()))
        {
            _samples.Add((labels, v));
        }
    }

    /// <summary>Writes HELP, TYPE, UNIT and the samples; nothing when the family has no sample.</summary>
    public void AppendTo(StringBuilder sb)
    {
        if (_samples.Count == 0)
        {
            return;
        }

        sb.Append("# HELP ").Append(Name).Append(' ').Append(help).Append('\n');
        sb.Append("# TYPE ").Append(Name).Append(" gauge\n");
        if (unit is not null)
        {
            sb.Append("# UNIT ").Append(Name).Append(' ').Append(unit).Append('\n');
        }

        foreach (var (labels, value) in _samples)
        {
            sb.Append(Name);
            AppendLabels(sb, labels);
            sb.Append(' ').Append(OpenMetricsText.Number(value)).Append('\n');
        }
    }

    private static void AppendLabels(StringBuilder sb, IReadOnlyList<Label> labels)
    {
        if (labels.Count == 0)
        {
            return;
        }

        sb.Append('{');
        for (var i = 0; i < labels.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(labels[i].Name).Append('=');
            OpenMetricsText.AppendLabelValue(sb, labels[i].Value);
        }

        sb.Append('}');
    }
}
