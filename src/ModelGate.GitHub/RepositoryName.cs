using System.Text.RegularExpressions;

namespace ModelGate.GitHub;

/// <summary>A repository as GitHub names it: owner and name (from <c>GITHUB_REPOSITORY</c>).</summary>
internal sealed partial record RepositoryName
{
    private RepositoryName(string owner, string name)
    {
        Owner = owner;
        Name = name;
    }

    /// <summary>The user or organisation owning the repository.</summary>
    public string Owner { get; }

    /// <summary>The repository's name.</summary>
    public string Name { get; }

    /// <summary>Parses <c>owner/name</c>; throws <see cref="GitHubSetupException"/> with the fix otherwise.</summary>
    public static RepositoryName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Shape().Match(text.Trim());
        if (!match.Success)
        {
            throw new GitHubSetupException(
                $"'{text}' is not a repository name; use owner/name, as GITHUB_REPOSITORY gives it (e.g. octo-org/models).");
        }

        return new RepositoryName(match.Groups[1].Value, match.Groups[2].Value);
    }

    /// <inheritdoc />
    public override string ToString() => Owner + "/" + Name;

    [GeneratedRegex(@"^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9._-]{1,100})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
