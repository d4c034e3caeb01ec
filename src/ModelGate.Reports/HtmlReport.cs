using System.Text;
using Markdig;
using ModelGate.Core.Results;
using ModelGate.Reports.Html;
using ModelGate.Reports.Markdown;
using ModelGate.Reports.Text;

namespace ModelGate.Reports;

/// <summary>One self-contained HTML page: the full Markdown report rendered by Markdig, inline CSS and inline SVG charts, nothing fetched.</summary>
internal static class HtmlReport
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The page, UTF-8 text ending with a newline. A Content-Security-Policy forbids any network load.</summary>
    public static string Render(GateResult result, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var sections = MarkdownAssembly.Sections(result, context, MarkdownFlavor.Html);
        if (ChartsSection.Render(result, context) is { } charts)
        {
            var after = sections.FindLastIndex(s => s.Name is "checks" or "notes");
            sections.Insert(after + 1, charts);
        }

        if (EvidenceGallery.Render(context) is { } evidence)
        {
            var after = sections.FindLastIndex(s => s.Name is "checks" or "notes" or "charts" or "safety sets and flips");
            sections.Insert(after + 1, evidence);
        }

        var body = Markdig.Markdown.ToHtml(MarkdownAssembly.Join(sections), Pipeline);
        var s = GateSummary.Of(result);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta name=\"generator\" content=\"ModelGate ").Append(Svg.Escape(context.Provenance?.ModelGateVersion ?? "unknown")).Append("\">\n");
        sb.Append("<title>ModelGate").Append(context.GateKey is "default" ? string.Empty : " " + Svg.Escape(context.GateKey)).Append(": ").Append(s.Word).Append(" — ").Append(Svg.Escape(s.Counts)).Append("</title>\n");
        sb.Append("<style>\n").Append(PageStyle.Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        sb.Append(body.ReplaceLineEndings("\n"));
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }
}
