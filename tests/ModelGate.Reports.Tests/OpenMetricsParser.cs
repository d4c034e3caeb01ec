namespace ModelGate.Reports.Tests;

/// <summary>Parses a text with prometheus_client's strict OpenMetrics 1.0 parser (it requires # EOF, rejects what Prometheus' lenient parser lets through).</summary>
internal static class OpenMetricsParser
{
    public const string Module = "/usr/lib/python3/dist-packages/prometheus_client/openmetrics/parser.py";

    private const string Script =
        "import sys\n" +
        "from prometheus_client.openmetrics.parser import text_string_to_metric_families\n" +
        "families = list(text_string_to_metric_families(sys.stdin.read()))\n" +
        "print(sum(len(f.samples) for f in families))\n";

    /// <summary>Exit code and output: the sample count on success, the parser's error otherwise.</summary>
    public static (int ExitCode, string Output) Parse(string text) =>
        StdinTool.Run("/usr/bin/python3", ["-c", Script], text);
}
