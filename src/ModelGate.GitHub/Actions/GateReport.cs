namespace ModelGate.GitHub.Actions;

/// <summary>Everything ModelGate publishes to GitHub for one gate run, already rendered by the reports.</summary>
/// <param name="Verdict">The gate's verdict, lower case (pass, fail, inconclusive).</param>
/// <param name="SummaryMarkdown">The Markdown for the job summary.</param>
/// <param name="CommentMarkdown">The Markdown for the pull request comment (at most 65,536 characters with the marker).</param>
/// <param name="Json">The JSON report, for the <c>report-json</c> output.</param>
/// <param name="FailedChecks">The ids of failing checks, for the <c>failed-checks</c> output.</param>
/// <param name="Annotations">One annotation per failing or inconclusive check, with its priority.</param>
internal sealed record GateReport(
    string Verdict,
    string SummaryMarkdown,
    string CommentMarkdown,
    string Json,
    IReadOnlyList<string> FailedChecks,
    IReadOnlyList<Annotation> Annotations);
