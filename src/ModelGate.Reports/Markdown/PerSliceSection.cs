using System.Text;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Drift, leakage and reject-rate checks judged per slice: each group's value and verdict.</summary>
internal static class PerSliceSection
{
    public static MarkdownSection? Render(GateResult r)
    {
        var checks = r.Checks.Where(c => c.Spec.PerSlice.Count > 0 && c.Groups.Count > 0).ToList();
        if (checks.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder("### Checks per slice\n\n");
        foreach (var c in checks)
        {
            sb.Append("**").Append(MarkdownText.Escape(c.Spec.Title)).Append("** (`").Append(MarkdownText.Escape(c.Spec.Id)).Append("`) ")
              .Append(CheckFacts.Status(c, r.Clean)).Append(", by ").Append(MarkdownText.Escape(string.Join(", ", c.Spec.PerSlice))).Append(":\n\n");
            var rows = c.Groups.Select(g => (IReadOnlyList<string>)
            [
                MarkdownText.Escape($"{g.Slice}={g.Group}"),
                NumberText.Count(g.Support),
                MarkdownText.Escape(g.Candidate.IsDefined ? NumberText.Estimate(g.Candidate) : g.Candidate.UndefinedReason ?? "—"),
                g.Verdict is { } v ? v.ToString().ToLowerInvariant() : "not judged",
            ]);
            sb.Append(MarkdownTable.Render(["group", "rows", "value", "verdict"], rows)).Append('\n');
        }

        sb.Append("The value is the check's own headline figure on the group's rows (its table above explains it).\n");
        return new MarkdownSection("checks per slice", sb.ToString(), CutOrder.Drift);
    }
}
