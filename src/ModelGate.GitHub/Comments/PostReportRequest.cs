using ModelGate.GitHub.Actions;

namespace ModelGate.GitHub.Comments;

/// <summary>What to post: the report body (already written to the files and the job summary) and where.</summary>
/// <param name="Target">The pull request (or why there is none).</param>
/// <param name="Key">Tells this gate's comment from another gate's in the same pull request.</param>
/// <param name="Verdict">The gate's verdict as shown (pass, fail, inconclusive...), stored in the marker.</param>
/// <param name="Report">The Markdown report, at most 65,536 characters with the marker (longer is cut with a note).</param>
internal sealed record PostReportRequest(PullRequestTarget Target, string Key, string Verdict, string Report)
{
    /// <summary>Update (default), recreate, or update only when the verdict changed.</summary>
    public CommentMode Mode { get; init; } = CommentMode.Update;

    /// <summary>Whose earlier comment counts as ModelGate's; any Bot by default.</summary>
    public CommentAuthorRule Author { get; init; } = CommentAuthorRule.AnyBot;
}
