using ModelGate.Core.Results;

namespace ModelGate.Reports.Files;

/// <summary>The standard set of report files in one folder, ready for <see cref="ReportWriter.WriteAll"/>.</summary>
internal static class ReportSet
{
    /// <summary>File name of the Markdown report (the job-summary rendering, at most 1 MiB).</summary>
    public const string MarkdownName = "modelgate-report.md";

    /// <summary>File name of the JSON report.</summary>
    public const string JsonName = "modelgate-report.json";

    /// <summary>File name of the JUnit XML report.</summary>
    public const string JunitName = "modelgate-junit.xml";

    /// <summary>File name of the HTML report.</summary>
    public const string HtmlName = "modelgate-report.html";

    /// <summary>Markdown, JSON, JUnit and HTML renderings of the result, each with its path under <paramref name="folder"/>.</summary>
    public static IReadOnlyList<ReportFile> Create(GateResult result, ReportContext context, string folder) =>
    [
        new(Path.Combine(folder, MarkdownName), MarkdownReport.RenderSummary(result, context)),
        new(Path.Combine(folder, JsonName), JsonReport.Render(result, context)),
        new(Path.Combine(folder, JunitName), JunitReport.Render(result, context)),
        new(Path.Combine(folder, HtmlName), HtmlReport.Render(result, context)),
    ];
}
