namespace ModelGate.Reports.Tests;

/// <summary>Runs <c>promtool check metrics</c>, Prometheus' own parser and naming linter, on a metrics text.</summary>
internal static class Promtool
{
    public const string Path = "/usr/bin/promtool";

    /// <summary>Exit code and everything promtool printed (it prints nothing for a clean file).</summary>
    public static (int ExitCode, string Output) CheckMetrics(string text) =>
        StdinTool.Run(Path, ["check", "metrics"], text);
}
