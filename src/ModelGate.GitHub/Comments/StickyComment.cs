using ModelGate.GitHub.Rest;

namespace ModelGate.GitHub.Comments;

/// <summary>
/// Keeps one ModelGate comment per pull request and key: finds the earlier one by its marker and author, then updates,
/// recreates or leaves it, or posts the first one. Faults come back as a <see cref="CommentOutcome"/>, never as exceptions.
/// </summary>
public sealed class StickyComment
{
    private readonly GitHubRestClient _client;

    /// <summary>Creates the sticky comment over a REST client (which the caller owns and disposes).</summary>
    public StickyComment(GitHubRestClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>
    /// Posts <see cref="PostReportRequest.Report"/>, which the caller has already written to the report files and the job
    /// summary, so no fault here can lose it.
    /// </summary>
    public async Task<CommentOutcome> PostReportAsync(PostReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Target is not { Repository: { } repository, Number: { } number })
        {
            return new CommentOutcome(CommentStatus.NoPullRequest, Reason: request.Target.Note);
        }

        var marker = new CommentMarker(request.Key, request.Verdict);
        var body = CommentBody.Compose(marker, request.Report);
        try
        {
            var comments = await _client.ListIssueCommentsAsync(repository, number, cancellationToken).ConfigureAwait(false);
            var previous = FindPrevious(comments, marker.Key, request.Author);
            if (previous is null)
            {
                return Done(CommentStatus.Created, await _client.CreateIssueCommentAsync(repository, number, body, cancellationToken).ConfigureAwait(false));
            }

            switch (request.Mode)
            {
                case CommentMode.ChangedOnly when CommentMarker.TryParseStart(previous.Body)?.Verdict == marker.Verdict:
                    return Done(CommentStatus.Unchanged, previous);
                case CommentMode.Recreate:
                    await _client.DeleteIssueCommentAsync(repository, previous.Id, cancellationToken).ConfigureAwait(false);
                    return Done(CommentStatus.Recreated, await _client.CreateIssueCommentAsync(repository, number, body, cancellationToken).ConfigureAwait(false));
                default:
                    return Done(CommentStatus.Updated, await _client.UpdateIssueCommentAsync(repository, previous.Id, body, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (GitHubApiException e)
        {
            return new CommentOutcome(CommentStatus.NotPosted, Reason: e.Message, Fix: e.Fix, Fault: e.Fault);
        }
    }

    /// <summary>
    /// The newest comment that opens with this key's marker and whose author the rule accepts; a human quoting or
    /// copying the marker is never matched.
    /// </summary>
    public static IssueComment? FindPrevious(IEnumerable<IssueComment> comments, string key, CommentAuthorRule author)
    {
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(author);
        return comments
            .Where(c => author.Accepts(c.Author) && string.Equals(CommentMarker.TryParseStart(c.Body)?.Key, key, StringComparison.Ordinal))
            .MaxBy(c => c.Id);
    }

    private static CommentOutcome Done(CommentStatus status, IssueComment comment) =>
        new(status, comment.Id, comment.HtmlUrl);
}
