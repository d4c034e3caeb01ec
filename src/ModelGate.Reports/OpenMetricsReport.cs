using System.Text;
using ModelGate.Core.Results;
using ModelGate.Reports.OpenMetrics;

namespace ModelGate.Reports;

/// <summary>
/// The run as OpenMetrics 1.0 text (<c>report.prom</c>), also valid for Prometheus' text parser and its Pushgateway:
/// gauges only (a run's numbers are a snapshot, not counters), HELP and TYPE for each family, fixed order, ending with
/// <c># EOF</c>. The series are documented in docs/monitoring.md.
/// </summary>
internal static class OpenMetricsReport
{
    /// <summary>Groups exported per slice and metric: those where the candidate does worst, to bound the series count.</summary>
    public const int WorstGroups = 5;

    /// <summary>The content type to send the text with (Prometheus' text format, which this text also is).</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The metrics text, ending with <c># EOF</c> and a newline.</summary>
    public static string Render(GateResult result, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var labels = new RunLabels(context);
        var families = CheckFamilies.Of(result, labels)
            .Concat(HeadlineFamilies.Of(result, labels))
            .Concat(EvidenceFamilies.Of(result, labels))
            .Concat(GroupFamilies.Of(result, labels))
            .Concat(RunFamilies.Of(result, context, labels));
        var sb = new StringBuilder();
        foreach (var family in families)
        {
            family.AppendTo(sb);
        }

        return sb.Append("# EOF\n").ToString();
    }
}
