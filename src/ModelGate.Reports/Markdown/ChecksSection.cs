using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>The one table of checks: status, check, candidate, baseline, delta with interval, threshold, what decided it.</summary>
internal static class ChecksSection
{
    /// <summary>Renders every check; <paramref name="maxReason"/> shortens the "decided by" cell when space is short.</summary>
    public static MarkdownSection Render(GateResult r, int maxReason = int.MaxValue)
    {
        var conf = NumberText.SettingPercent(r.Statistics.Confidence);
        string[] headers = ["status", "check", "candidate", "baseline", $"delta [{conf} CI]", "threshold", "decided by"];
        var rows = r.Checks.Select(c => (IReadOnlyList<string>)
        [
            CheckFacts.Status(c, r.Clean),
            $"{MarkdownText.Escape(c.Spec.Title)} {MarkdownText.Code(c.Spec.Id)}",
            MarkdownText.Escape(NumberText.Estimate(c.Candidate)),
            MarkdownText.Escape(NumberText.Estimate(c.Baseline)),
            MarkdownText.Escape(NumberText.Delta(c.Delta)),
            MarkdownText.Escape(c.Threshold),
            MarkdownText.Escape(MarkdownText.Truncate(CheckFacts.DecidedBy(c), maxReason)),
        ]);
        return new MarkdownSection("checks", MarkdownTable.Render(headers, rows), 0);
    }
}
