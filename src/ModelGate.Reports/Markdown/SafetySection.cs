using System.Text;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Negative flips overall and per safety set, with the worst flipped rows and their allowed feature values.</summary>
internal static class SafetySection
{
    /// <summary>Flipped rows listed per set.</summary>
    public const int RowsShown = 10;

    public static MarkdownSection? Render(GateResult r, ReportContext ctx)
    {
        var safety = r.Checks.Where(c => c.Spec is SafetyCheckSpec).ToList();
        if (r.Flips is null && safety.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder("### Safety sets and flips\n\n");
        if (r.Flips is { } all)
        {
            sb.Append("Whole holdout: ").Append(Describe(all)).Append('\n');
            AppendRows(sb, all, ctx);
        }

        foreach (var c in safety)
        {
            var spec = (SafetyCheckSpec)c.Spec;
            sb.Append("\n#### ").Append(CheckFacts.Status(c, r.Clean)).Append(' ').Append(MarkdownText.Escape(spec.Title)).Append(' ').Append(MarkdownText.Code(spec.Id)).Append("\n\n");
            sb.Append("Set ").Append(MarkdownText.Code(spec.Set));
            if (spec.Description is { } d)
            {
                sb.Append(": ").Append(MarkdownText.Code(d));
            }

            sb.Append(" · threshold ").Append(MarkdownText.Escape(c.Threshold)).Append('\n');
            if (c.Flips is { } flips)
            {
                sb.Append('\n').Append(Describe(flips)).Append('\n');
                AppendRows(sb, flips, ctx);
            }
            else
            {
                sb.Append('\n').Append(MarkdownText.Escape(c.Reason)).Append('\n');
            }
        }

        return new MarkdownSection("safety sets and flips", sb.ToString(), CutOrder.Safety);
    }

    private static string Describe(FlipSummary f) =>
        $"{NumberText.Count(f.Rows)} rows · negative flips (baseline right, candidate wrong): {NumberText.Count(f.NegativeFlips)}, rate {NumberText.Percent(f.NegativeFlipRate)}"
        + (f.CandidateErrors == 0 ? " (the candidate made no errors)" : $" ({NumberText.Percent(f.NegativeFlipImpact)} of the candidate's {NumberText.Count(f.CandidateErrors)} errors)")
        + $" · positive flips: {NumberText.Count(f.PositiveFlips)}";

    private static void AppendRows(StringBuilder sb, FlipSummary f, ReportContext ctx)
    {
        if (f.NegativeFlipRowIds.Count == 0)
        {
            return;
        }

        var shown = f.NegativeFlipRowIds.Take(RowsShown).ToList();
        var features = ctx.FlippedRows.GroupBy(x => x.RowId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var columns = shown.Where(features.ContainsKey).SelectMany(id => features[id].Values.Select(v => v.Column)).Distinct(StringComparer.Ordinal).ToList();
        var more = f.NegativeFlipRowIds.Count > shown.Count ? $" (first {NumberText.Count(shown.Count)} of {NumberText.Count(f.NegativeFlipRowIds.Count)} listed)" : string.Empty;
        sb.Append("\nWorst negative flips, most confident wrong answer first").Append(more).Append(":\n\n");
        var rows = shown.Select(id =>
        {
            var values = features.TryGetValue(id, out var row) ? row.Values : [];
            IReadOnlyList<string> cells =
            [
                MarkdownText.Code(id),
                .. columns.Select(col => values.FirstOrDefault(v => string.Equals(v.Column, col, StringComparison.Ordinal)) is { } v ? MarkdownText.Escape(v.Value) : "—"),
            ];
            return cells;
        });
        sb.Append(MarkdownTable.Render(["row id", .. columns.Select(MarkdownText.Escape)], rows));
    }
}
