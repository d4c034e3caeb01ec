namespace ModelGate.GitHub.Rest;

/// <summary>One comment on an issue or pull request, with the fields the sticky comment needs.</summary>
/// <param name="Id">GitHub's comment id (used in the update and delete URLs).</param>
/// <param name="Body">The Markdown body.</param>
/// <param name="Author">Who wrote it; null for a deleted ("ghost") account.</param>
/// <param name="HtmlUrl">The comment's page.</param>
internal sealed record IssueComment(long Id, string Body, CommentAuthor? Author, Uri? HtmlUrl);

/// <summary>A comment's author as GitHub reports it.</summary>
/// <param name="Login">The account name, e.g. <c>github-actions[bot]</c>.</param>
/// <param name="Type">GitHub's account type: <c>User</c>, <c>Bot</c> or <c>Organization</c>.</param>
internal sealed record CommentAuthor(string Login, string Type)
{
    /// <summary>True for app and Actions identities (type <c>Bot</c>).</summary>
    public bool IsBot => string.Equals(Type, "Bot", StringComparison.OrdinalIgnoreCase);
}
