using ModelGate.GitHub.Comments;

namespace ModelGate.GitHub.Actions;

/// <summary>Where and how to comment; null settings mean "do not comment" (no <c>--github</c>).</summary>
/// <param name="Comments">The sticky comment over a REST client the caller owns.</param>
/// <param name="Target">The pull request, or why there is none.</param>
/// <param name="Key">The marker key (default <see cref="CommentMarker.DefaultKey"/>).</param>
internal sealed record CommentSettings(StickyComment Comments, PullRequestTarget Target, string Key = CommentMarker.DefaultKey)
{
    /// <summary>Update (default), recreate, or only when the verdict changed.</summary>
    public CommentMode Mode { get; init; } = CommentMode.Update;

    /// <summary>Whose earlier comment counts as ModelGate's.</summary>
    public CommentAuthorRule Author { get; init; } = CommentAuthorRule.AnyBot;
}

/// <summary>What <see cref="ActionsPublisher.PublishAsync"/> did.</summary>
/// <param name="Summary">The job summary write, or null outside Actions.</param>
/// <param name="Annotations">The annotations printed and how many were left out.</param>
/// <param name="Comment">The comment's outcome, or null when commenting was not asked for.</param>
internal sealed record PublishResult(SummaryWrite? Summary, AnnotationBatch Annotations, CommentOutcome? Comment)
{
    /// <summary>True when a comment was asked for and its setup is broken (<see cref="CommentOutcome.IsSetupError"/>).</summary>
    public bool CommentSetupFailed => Comment?.IsSetupError == true;
}

/// <summary>
/// Publishes a gate run in the order that never loses the report: job summary, outputs and annotations first
/// (local files and standard output), the pull request comment last, then one summary line saying what became of it.
/// </summary>
internal sealed class ActionsPublisher
{
    private readonly ActionsEnvironment _environment;
    private readonly TextWriter _standardOutput;

    /// <summary>Creates a publisher writing workflow commands to <paramref name="standardOutput"/>.</summary>
    public ActionsPublisher(ActionsEnvironment environment, TextWriter standardOutput)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(standardOutput);
        _environment = environment;
        _standardOutput = standardOutput;
    }

    /// <summary>Writes the summary, outputs and annotations, then posts the comment when <paramref name="comment"/> is given.</summary>
    public async Task<PublishResult> PublishAsync(GateReport report, CommentSettings? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summaryPath = _environment.StepSummaryPath;
        var summary = summaryPath is null ? null : JobSummary.Append(summaryPath, report.SummaryMarkdown);
        if (_environment.OutputPath is { } outputPath)
        {
            new GateOutputs(report.Verdict, report.CommentMarkdown, report.Json, report.FailedChecks).AppendTo(outputPath);
        }

        var annotations = Annotations.Write(report.Annotations, _standardOutput);
        if (summaryPath is not null && annotations.SummaryNote is { } note)
        {
            JobSummary.Append(summaryPath, "\n" + note + "\n");
        }

        if (comment is null)
        {
            return new PublishResult(summary, annotations, null);
        }

        var request = new PostReportRequest(comment.Target, comment.Key, report.Verdict, report.CommentMarkdown)
        {
            Mode = comment.Mode,
            Author = comment.Author,
        };
        var outcome = await comment.Comments.PostReportAsync(request, cancellationToken).ConfigureAwait(false);
        if (summaryPath is not null)
        {
            JobSummary.Append(summaryPath, "\n" + outcome.Describe() + "\n");
        }

        return new PublishResult(summary, annotations, outcome);
    }
}
