using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>The text columns the models read through a tokenizer, and how many texts were cut to fit the sequence.</summary>
internal static class TextInputsSection
{
    public static MarkdownSection? Render(ReportContext ctx)
    {
        var texts = ctx.Provenance?.Texts ?? [];
        if (texts.Count == 0)
        {
            return null;
        }

        var rows = texts.Select(t => (IReadOnlyList<string>)
        [
            MarkdownText.Code(t.Column),
            NumberText.Count(t.Rows),
            NumberText.Count(t.MaxLength),
            t.Refused ? "none (longer texts are refused)" : $"{NumberText.Count(t.Truncated)} ({NumberText.Percent(t.Rows == 0 ? 0 : (double)t.Truncated / t.Rows)})",
        ]).ToList();
        var text = "### Text inputs\n\n"
            + MarkdownTable.Render(["column", "texts", "max_length (tokens)", "cut to max_length"], rows)
            + "\nA cut text lost its last tokens: the models judged its beginning only.\n";
        return new MarkdownSection("text inputs", text, CutOrder.Provenance);
    }
}
