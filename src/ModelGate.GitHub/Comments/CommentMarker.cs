using System.Text.RegularExpressions;

namespace ModelGate.GitHub.Comments;

/// <summary>
/// The hidden first line of ModelGate's comment, <c>&lt;!-- modelgate:KEY verdict=fail --&gt;</c>: the key keeps two
/// gates' comments apart, the verdict lets "changed-only" skip an update.
/// </summary>
internal sealed partial record CommentMarker
{
    /// <summary>The key used when the policy or the command line names none.</summary>
    public const string DefaultKey = "modelgate";

    /// <summary>Creates a marker; throws <see cref="GitHubSetupException"/> for a key or verdict that could break the HTML comment.</summary>
    public CommentMarker(string key, string verdict)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(verdict);
        if (!KeyShape().IsMatch(key))
        {
            throw new GitHubSetupException(
                $"comment key '{key}' is not allowed; use 1-64 letters, digits, '.', '_' or '-' (e.g. fraud-model).");
        }

        if (!VerdictShape().IsMatch(verdict))
        {
            throw new GitHubSetupException($"verdict '{verdict}' is not allowed in the comment marker; use letters only (e.g. fail).");
        }

        Key = key;
        Verdict = verdict.ToLowerInvariant();
    }

    /// <summary>Tells one gate's comment from another's in the same pull request.</summary>
    public string Key { get; }

    /// <summary>The verdict the comment shows, lower case (pass, fail, inconclusive...).</summary>
    public string Verdict { get; }

    /// <summary>The marker as written at the very start of the comment body.</summary>
    public string Render() => $"<!-- modelgate:{Key} verdict={Verdict} -->";

    /// <summary>
    /// Reads a marker that opens <paramref name="body"/> (only at the start: a reply quoting it, or a mention
    /// further down, does not count).
    /// </summary>
    public static CommentMarker? TryParseStart(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var match = StartShape().Match(body);
        return match.Success ? new CommentMarker(match.Groups[1].Value, match.Groups[2].Value) : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShape();

    [GeneratedRegex(@"^[A-Za-z]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex VerdictShape();

    [GeneratedRegex(@"\A<!-- modelgate:([A-Za-z0-9._-]{1,64}) verdict=([A-Za-z]{1,32}) -->", RegexOptions.CultureInvariant)]
    private static partial Regex StartShape();
}
