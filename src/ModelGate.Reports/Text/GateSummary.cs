using ModelGate.Core;
using ModelGate.Core.Results;

namespace ModelGate.Reports.Text;

/// <summary>The counts behind the first line of every report.</summary>
internal sealed record GateSummary(bool Passed, int Failing, int Inconclusive, int Warnings, int Waived, int Skipped, int Passing, int Total)
{
    /// <summary>Counts the result's checks: failing = blocking fails, warnings = non-blocking fails.</summary>
    public static GateSummary Of(GateResult r) => new(
        r.Passed,
        r.Checks.Count(c => c.Verdict == Verdict.Fail && c.Blocks),
        r.Count(Verdict.Inconclusive),
        r.Checks.Count(CheckFacts.IsWarning),
        r.Count(Verdict.Waived),
        r.Count(Verdict.Skipped),
        r.Count(Verdict.Pass),
        r.Checks.Count);

    /// <summary>"PASS" or "FAIL".</summary>
    public string Word => Passed ? "PASS" : "FAIL";

    /// <summary>"1 failing, 2 inconclusive, 1 warning" plus waived/skipped when there are any.</summary>
    public string Counts
    {
        get
        {
            var parts = new List<string>
            {
                $"{Failing} failing",
                $"{Inconclusive} inconclusive",
                Warnings == 1 ? "1 warning" : $"{Warnings} warnings",
            };
            if (Waived > 0)
            {
                parts.Add($"{Waived} waived");
            }

            if (Skipped > 0)
            {
                parts.Add($"{Skipped} skipped");
            }

            return string.Join(", ", parts);
        }
    }
}
