using System.Globalization;
using System.Text;
using ModelGate.Core.Results;
using ModelGate.Reports.Markdown;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Html;

/// <summary>
/// The evidence rows on the HTML page: thumbnails embedded as data: URIs (the page loads nothing), or the texts escaped
/// and shortened; each with the row id, label and both models' answers. A missing or bad image reads
/// "(image unavailable: reason)" in its place.
/// </summary>
internal static class EvidenceGallery
{
    // Scoped to the gallery and carried in its own block, so pages without evidence stay byte-for-byte as they were.
    private const string Css =
        ".evidence .gallery{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0 16px}"
        + ".evidence figure{margin:0;padding:6px;border:1px solid #d0d7de;border-radius:6px;max-width:420px}"
        + ".evidence figure img{display:block;image-rendering:pixelated;background:#fff}"
        + ".evidence figcaption{font-size:12px;line-height:1.4;margin-top:4px}"
        + ".evidence .unavailable{font-size:12px;color:#9a6700;max-width:160px;overflow-wrap:anywhere}"
        + ".evidence blockquote{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}";

    /// <summary>The gallery as one raw HTML block of the page, or null when the policy names no evidence column.</summary>
    public static MarkdownSection? Render(ReportContext ctx)
    {
        if (ctx.Evidence is not { } evidence)
        {
            return null;
        }

        var images = evidence.Kind == EvidenceKind.Image;

        // One HTML block: no blank line may appear inside, or Markdig would end the block there.
        var sb = new StringBuilder("### ").Append(images ? "Images of the worst rows" : "Texts of the worst rows").Append("\n\n");
        sb.Append("<div class=\"evidence\" data-kind=\"").Append(images ? "image" : "text").Append("\">\n<style>").Append(Css).Append("</style>\n");
        sb.Append("<p>Column <code>").Append(Escape(evidence.Column)).Append("</code>.</p>\n");
        foreach (var list in evidence.Lists)
        {
            sb.Append("<h4>").Append(Escape(list.Title)).Append("</h4>\n<p>").Append(Escape(list.Note)).Append("</p>\n");
            if (list.Rows.Count == 0)
            {
                continue;
            }

            sb.Append("<div class=\"gallery\">\n");
            foreach (var row in list.Rows)
            {
                sb.Append("<figure>");
                if (images)
                {
                    AppendImage(sb, row);
                }
                else
                {
                    sb.Append("<blockquote>").Append(Escape(EvidenceText.Shorten(row.Value, evidence.MaxChars))).Append("</blockquote>");
                }

                sb.Append("<figcaption><b>row ").Append(Escape(row.RowId)).Append("</b> · label ").Append(Escape(row.Label))
                  .Append("<br>candidate ").Append(Escape(EvidenceText.Answer(row.Candidate)))
                  .Append("<br>baseline ").Append(Escape(EvidenceText.Answer(row.Baseline)))
                  .Append("</figcaption></figure>\n");
            }

            sb.Append("</div>\n");
        }

        sb.Append("</div>\n");
        return new MarkdownSection("evidence", sb.ToString(), 0);
    }

    private static void AppendImage(StringBuilder sb, EvidenceRow row)
    {
        if (row.Image is { Png: { } png } image)
        {
            sb.Append("<img src=\"data:image/png;base64,").Append(Convert.ToBase64String(png))
              .Append(string.Create(CultureInfo.InvariantCulture, $"\" width=\"{image.Width}\" height=\"{image.Height}\" alt=\""))
              .Append(Escape(row.Value)).Append("\" title=\"").Append(Escape(row.Value)).Append("\">");
            return;
        }

        sb.Append("<div class=\"unavailable\">(image unavailable: ").Append(Escape(row.Image?.Unavailable ?? "no image")).Append(")</div>");
    }

    /// <summary>Text made inert in HTML content and attribute values; control characters become spaces so the block stays one line per element.</summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
