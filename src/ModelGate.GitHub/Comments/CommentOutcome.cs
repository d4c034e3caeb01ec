using ModelGate.GitHub.Rest;

namespace ModelGate.GitHub.Comments;

/// <summary>The result of posting the report; the comment never decides the gate: it says what happened
/// (<see cref="IsCurrent"/>, <see cref="IsSetupError"/>) and the caller decides what that means for the exit code.</summary>
/// <param name="Status">What happened.</param>
/// <param name="CommentId">The comment's id when one exists after the call.</param>
/// <param name="Url">The comment's page when one exists after the call.</param>
/// <param name="Reason">Why it was not posted (one line, token-free); null when posted.</param>
/// <param name="Fix">What to change so it is posted next time; null when posted.</param>
/// <param name="Fault">The GitHub fault behind <see cref="CommentStatus.NotPosted"/>.</param>
internal sealed record CommentOutcome(
    CommentStatus Status,
    long? CommentId = null,
    Uri? Url = null,
    string? Reason = null,
    string? Fix = null,
    GitHubFault? Fault = null)
{
    /// <summary>How many older copies of ModelGate's comment for this key were deleted.</summary>
    public int DuplicatesRemoved { get; init; }

    /// <summary>True when the pull request shows the current report (created, updated, recreated or unchanged).</summary>
    public bool IsCurrent => Status is CommentStatus.Created or CommentStatus.Updated or CommentStatus.Recreated or CommentStatus.Unchanged;

    /// <summary>
    /// True when the setup is broken (401, 404, a missing permission, a rejected request) and the run should say so.
    /// A read-only fork token, a rate limit or an outage is not: the report is in the job summary either way.
    /// </summary>
    public bool IsSetupError => Fault is GitHubFault.Unauthorized or GitHubFault.NotFound or GitHubFault.Forbidden or GitHubFault.Rejected;

    /// <summary>One line for the console and the job summary.</summary>
    public string Describe() => Status switch
    {
        CommentStatus.Created => $"PR comment posted: {Url}",
        CommentStatus.Updated => $"PR comment updated: {Url}",
        CommentStatus.Recreated => $"PR comment re-posted: {Url}",
        CommentStatus.Unchanged => $"PR comment left as it is (verdict unchanged): {Url}",
        CommentStatus.NoPullRequest => Reason ?? "No PR comment.",
        _ => $"PR comment not posted: {Reason}. Fix: {Fix}",
    };
}
