using ModelGate.GitHub.Rest;

namespace ModelGate.GitHub.Comments;

/// <summary>
/// Whose comments ModelGate may edit: by default any Bot account (GITHUB_TOKEN posts as github-actions[bot], a GitHub App
/// as its own bot); with a personal access token, name the token's login. A human's comment is never edited.
/// </summary>
internal sealed record CommentAuthorRule
{
    private CommentAuthorRule(string? login) => Login = login;

    /// <summary>Accepts comments written by any Bot account.</summary>
    public static CommentAuthorRule AnyBot { get; } = new((string?)null);

    /// <summary>The one login accepted, or null for any Bot.</summary>
    public string? Login { get; }

    /// <summary>Accepts only comments written by <paramref name="login"/> (e.g. the PAT's user).</summary>
    public static CommentAuthorRule Exactly(string login)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        return new CommentAuthorRule(login.Trim());
    }

    /// <summary>True when ModelGate may treat a comment by <paramref name="author"/> as its own.</summary>
    public bool Accepts(CommentAuthor? author) =>
        author is not null && (Login is null
            ? author.IsBot
            : string.Equals(author.Login, Login, StringComparison.OrdinalIgnoreCase));
}
