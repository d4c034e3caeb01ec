using System.Text;
using ModelGate.Core;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Markdown;
using ModelGate.Reports.Terminal;
using ModelGate.Reports.Text;

namespace ModelGate.Reports;

/// <summary>A compact table for local runs: one line per check, the reason under every check that did not pass.</summary>
internal static class ConsoleReport
{
    private const int MaxReason = 160;

    /// <summary>The text to print; <paramref name="colors"/> adds ANSI colours (pass it only when stdout is a terminal).</summary>
    public static string Render(GateResult result, ReportContext context, bool colors)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var a = new Ansi(colors);
        var s = GateSummary.Of(result);
        var sb = new StringBuilder();
        var verdict = result.Clean ? a.Green("PASS") : result.Passed ? a.Yellow("PASS") : a.Red("FAIL");
        sb.Append(a.Bold(context.GateKey is "default" ? "ModelGate" : "ModelGate " + ConsoleText.Escape(context.GateKey))).Append(": ").Append(verdict).Append(" — ").Append(s.Counts).Append('\n');

        var conf = NumberText.SettingPercent(result.Statistics.Confidence);
        string[] headers = ["STATUS", "CHECK", "CANDIDATE", "BASELINE", $"DELTA [{conf} CI]", "THRESHOLD"];
        var rows = result.Checks.Select(c => Escaped(
            Word(c), c.Spec.Id, NumberText.Estimate(c.Candidate), NumberText.Estimate(c.Baseline), NumberText.Delta(c.Delta), c.Threshold)).ToList();
        var widths = headers.Select((h, i) => Math.Min(48, rows.Select(r => r[i].Length).Append(h.Length).Max())).ToArray();

        sb.Append(a.Dim(Line(headers, widths))).Append('\n');
        for (var i = 0; i < rows.Count; i++)
        {
            var c = result.Checks[i];
            var line = Line(rows[i], widths);
            var status = rows[i][0].PadRight(widths[0]);
            sb.Append(Colour(a, c, status)).Append(line[widths[0]..]).Append('\n');
            if (c.Verdict != Verdict.Pass)
            {
                sb.Append("    ").Append(a.Dim(MarkdownText.Truncate(ConsoleText.Escape(CheckFacts.DecidedBy(c)), MaxReason))).Append('\n');
            }
        }

        if (result.NonFiniteScoreRowCount > 0)
        {
            sb.Append(a.Yellow($"{result.NonFiniteScoreRowCount} rows left out of every metric: the candidate scored them NaN or infinite (see scores_valid)")).Append('\n');
        }

        if (result.BaselineProblem is { } problem)
        {
            sb.Append(a.Yellow(ConsoleText.Escape(problem))).Append('\n');
        }

        return sb.ToString();
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => MarkdownText.Truncate(c, widths[i]).PadRight(widths[i]))).TrimEnd();

    // Check ids, thresholds and reasons quote the policy and the holdout, both a pull request's to write.
    private static string[] Escaped(params string[] cells) => [.. cells.Select(ConsoleText.Escape)];

    private static string Word(CheckResult c) => c.Verdict switch
    {
        Verdict.Fail when !c.Blocks => "WARN",
        Verdict.Inconclusive when c.Blocks => "INCONCLUSIVE!",
        _ => CheckFacts.Word(c.Verdict).ToUpperInvariant(),
    };

    private static string Colour(Ansi a, CheckResult c, string text) => c.Verdict switch
    {
        Verdict.Pass => a.Green(text),
        Verdict.Fail when c.Blocks => a.Red(text),
        Verdict.Fail => a.Yellow(text),
        Verdict.Inconclusive when c.Blocks => a.Red(text),
        Verdict.Inconclusive => a.Yellow(text),
        Verdict.Waived => a.Cyan(text),
        _ => a.Dim(text),
    };
}
