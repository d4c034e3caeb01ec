using System.Text;
using ModelGate.Core.Results;
using ModelGate.Reports.Markdown;

namespace ModelGate.Reports;

/// <summary>The Markdown report: the sticky PR comment and the job summary (same content, different size limits).</summary>
internal static class MarkdownReport
{
    /// <summary>GitHub's limit on a comment body, in characters.</summary>
    public const int CommentLimit = 65536;

    /// <summary>GitHub's limit on a job summary, in bytes (1 MiB).</summary>
    public const int SummaryLimit = 1024 * 1024;

    /// <summary>The PR comment: at most <paramref name="maxChars"/> UTF-16 characters, whole sections cut in a fixed order when longer.</summary>
    public static string RenderComment(GateResult result, ReportContext context, int maxChars = CommentLimit)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        return Comment(result, context, MarkdownAssembly.Sections(result, context, MarkdownFlavor.GitHub), maxChars);
    }

    /// <summary>The job summary: at most <paramref name="maxBytes"/> UTF-8 bytes, cut the same way as the comment.</summary>
    public static string RenderSummary(GateResult result, ReportContext context, int maxBytes = SummaryLimit)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        return Summary(result, context, MarkdownAssembly.Sections(result, context, MarkdownFlavor.GitHub), maxBytes);
    }

    /// <summary>The job summary and the PR comment at GitHub's limits, from one rendering of the sections.</summary>
    public static (string Summary, string Comment) RenderSummaryAndComment(GateResult result, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var sections = MarkdownAssembly.Sections(result, context, MarkdownFlavor.GitHub);
        return (Summary(result, context, sections, SummaryLimit), Comment(result, context, sections, CommentLimit));
    }

    private static string Comment(GateResult result, ReportContext context, List<MarkdownSection> sections, int maxChars) =>
        MarkdownAssembly.Fit(result, context, sections, maxChars, s => s.Length, $"the {maxChars}-character comment limit");

    private static string Summary(GateResult result, ReportContext context, List<MarkdownSection> sections, int maxBytes) =>
        MarkdownAssembly.Fit(result, context, sections, maxBytes, Encoding.UTF8.GetByteCount, $"the {maxBytes}-byte job summary limit");

    /// <summary>The hidden marker that identifies this gate's comment, e.g. <c>&lt;!-- modelgate:fraud --&gt;</c>.</summary>
    public static string Marker(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HeaderSection.Marker(context);
    }
}
