using ModelGate.GitHub.Rest;

namespace ModelGate.GitHub.Comments;

/// <summary>
/// Keeps one ModelGate comment per pull request and key: finds the earlier one by its marker and author, then updates,
/// recreates or leaves it, or posts the first one. Faults come back as a <see cref="CommentOutcome"/>, never as exceptions.
/// </summary>
internal sealed class StickyComment
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
        var deadline = _client.DeadlineFromNow();
        try
        {
            var comments = await _client.ListIssueCommentsAsync(repository, number, deadline, cancellationToken).ConfigureAwait(false);
            var ours = FindAll(comments, marker.Key, request.Author);
            if (ours.Count == 0)
            {
                return Done(CommentStatus.Created, await _client.CreateIssueCommentAsync(repository, number, body, deadline, cancellationToken).ConfigureAwait(false), 0);
            }

            // Older copies (e.g. from a create whose answer was lost and then retried) would go stale: remove them.
            var previous = ours[^1];
            var duplicates = ours.Take(ours.Count - 1).ToList();
            foreach (var duplicate in duplicates)
            {
                await _client.DeleteIssueCommentAsync(repository, duplicate.Id, deadline, cancellationToken).ConfigureAwait(false);
            }

            switch (request.Mode)
            {
                case CommentMode.ChangedOnly when CommentMarker.TryParseStart(previous.Body)?.Verdict == marker.Verdict:
                    return Done(CommentStatus.Unchanged, previous, duplicates.Count);
                case CommentMode.Recreate:
                    await _client.DeleteIssueCommentAsync(repository, previous.Id, deadline, cancellationToken).ConfigureAwait(false);
                    return Done(CommentStatus.Recreated, await _client.CreateIssueCommentAsync(repository, number, body, deadline, cancellationToken).ConfigureAwait(false), duplicates.Count);
                default:
                    return Done(CommentStatus.Updated, await _client.UpdateIssueCommentAsync(repository, previous.Id, body, deadline, cancellationToken).ConfigureAwait(false), duplicates.Count);
            }
        }
        catch (GitHubApiException e)
        {
            return new CommentOutcome(CommentStatus.NotPosted, Reason: e.Message, Fix: e.Fix, Fault: e.Fault);
        }
    }

    /// <summary>
    /// ModelGate's comments for this key, oldest first: those that open with the key's marker and whose author the
    /// rule accepts; a human quoting or copying the marker is never matched. The last one is the one kept.
    /// </summary>
    public static IReadOnlyList<IssueComment> FindAll(IEnumerable<IssueComment> comments, string key, CommentAuthorRule author)
    {
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(author);
        return comments
            .Where(c => author.Accepts(c.Author) && string.Equals(CommentMarker.TryParseStart(c.Body)?.Key, key, StringComparison.Ordinal))
            .OrderBy(c => c.Id)
            .ToList();
    }

    private static CommentOutcome Done(CommentStatus status, IssueComment comment, int duplicatesRemoved) =>
        new(status, comment.Id, comment.HtmlUrl) { DuplicatesRemoved = duplicatesRemoved };
}
