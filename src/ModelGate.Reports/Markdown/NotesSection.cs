using System.Text;
using ModelGate.Core;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Short notes that change how the table reads: waivers (applied and expired) and rows excluded for non-finite scores.</summary>
internal static class NotesSection
{
    private const int MaxRowIds = 10;

    public static MarkdownSection? Render(GateResult r)
    {
        var sb = new StringBuilder();
        var waived = r.Checks.Where(c => c.Spec.Waiver is not null && (c.Verdict == Verdict.Waived || c.WaiverExpired)).ToList();
        if (waived.Count > 0)
        {
            sb.Append("**Waivers**\n\n");
            foreach (var c in waived)
            {
                var w = c.Spec.Waiver!;
                var where = w.Location is { } loc ? $" ({MarkdownText.Code(loc.ToString())})" : string.Empty;
                if (c.WaiverExpired)
                {
                    sb.Append($"- ⌛ {MarkdownText.Code(c.Spec.Id)}: the waiver by {MarkdownText.Escape(w.Owner)} expired on {NumberText.Date(w.Expires)}, so the check counts as {CheckFacts.Word(c.Verdict)} — {MarkdownText.Escape(w.Reason)}{where}\n");
                }
                else
                {
                    sb.Append($"- 🏳️ {MarkdownText.Code(c.Spec.Id)}: waived until {NumberText.Date(w.Expires)} by {MarkdownText.Escape(w.Owner)} — {MarkdownText.Escape(w.Reason)}{where}\n");
                }
            }
        }

        if (r.NonFiniteScoreRowCount > 0)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            var ids = r.NonFiniteScoreRows.Take(MaxRowIds).Select(MarkdownText.Code);
            var more = r.NonFiniteScoreRowCount > MaxRowIds ? ", …" : string.Empty;
            sb.Append($"⚠️ {NumberText.Count(r.NonFiniteScoreRowCount)} rows are left out of every metric because the candidate scored them NaN or infinite (check `scores_valid`): {string.Join(", ", ids)}{more}\n");
        }

        foreach (var c in r.Checks.Where(c => c.UndetectableBound is not null))
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append($"⚠️ {MarkdownText.Code(c.Spec.Id)}: the smallest change this holdout can detect is {NumberText.Value(c.UndetectableBound!.Value)}, larger than the bound ({MarkdownText.Escape(c.Threshold)}); the holdout is too small to confirm it.\n");
        }

        if (r.BaselineProblem is { } problem)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append("⚠️ ").Append(MarkdownText.Escape(problem)).Append("; every comparison with it is inconclusive.\n");
        }

        return sb.Length == 0 ? null : new MarkdownSection("notes", sb.ToString(), 0);
    }
}
