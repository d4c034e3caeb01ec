using System.Text;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>
/// The evidence rows in Markdown (PR comment, job summary): a line pointing to the HTML report, which has the
/// thumbnails (a comment never embeds images), and a table per list; texts escaped and shortened, image paths as code.
/// </summary>
internal static class EvidenceSection
{
    /// <summary>The section, or null when the policy names no evidence column.</summary>
    public static MarkdownSection? Render(ReportContext ctx)
    {
        if (ctx.Evidence is not { } evidence)
        {
            return null;
        }

        var images = evidence.Kind == EvidenceKind.Image;
        var sb = new StringBuilder("### ").Append(images ? "Images of the worst rows" : "Texts of the worst rows").Append("\n\n");
        sb.Append(images ? "🖼️ " : "📝 ").Append(Pointer(evidence)).Append('\n');
        foreach (var list in evidence.Lists)
        {
            sb.Append("\n#### ").Append(MarkdownText.Escape(list.Title)).Append("\n\n").Append(MarkdownText.Escape(list.Note)).Append('\n');
            if (list.Rows.Count == 0)
            {
                continue;
            }

            var rows = list.Rows.Select(r => (IReadOnlyList<string>)
            [
                MarkdownText.Code(r.RowId),
                MarkdownText.Escape(r.Label),
                MarkdownText.Escape(EvidenceText.Answer(r.Candidate)),
                MarkdownText.Escape(EvidenceText.Answer(r.Baseline)),
                images ? Image(r) : MarkdownText.Escape(EvidenceText.Shorten(r.Value, evidence.MaxChars)),
            ]);
            sb.Append('\n').Append(MarkdownTable.Render(["row id", "label", "candidate", "baseline", MarkdownText.Escape(evidence.Column)], rows));
        }

        return new MarkdownSection("images and texts of the worst rows", sb.ToString(), CutOrder.Evidence);
    }

    private static string Pointer(RowEvidence e)
    {
        var what = e.Kind == EvidenceKind.Image ? "Thumbnails" : "The texts";
        var of = (e.RowCount == 1 ? "of this row" : $"of these {NumberText.Count(e.RowCount)} rows") + $" ({MarkdownText.Code(e.Column)})";
        if (e.HtmlFile is null)
        {
            return $"{what} {of} are in the HTML report (`--format html`).";
        }

        var file = MarkdownText.Code(e.HtmlFile);
        return e.RunUrl is null
            ? $"{what} {of} are in the HTML report {file}."
            : $"{what} {of} are in the HTML report {file}, in the [artifacts of this run]({e.RunUrl}#artifacts).";
    }

    private static string Image(EvidenceRow r) =>
        r.Image?.Unavailable is { } why ? MarkdownText.Code(r.Value) + " " + MarkdownText.Escape($"(image unavailable: {why})") : MarkdownText.Code(r.Value);
}
