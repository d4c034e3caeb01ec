namespace ModelGate.GitHub;

/// <summary>A GitHub token that never shows its value: not in ToString, logs or exception messages.</summary>
internal sealed class GitHubToken
{
    private const string Mask = "***";

    private GitHubToken(string value) => Value = value;

    /// <summary>The secret itself; only the REST client reads it, to build the Authorization header.</summary>
    internal string Value { get; }

    /// <summary>Wraps a token value; returns null for null or blank input.</summary>
    public static GitHubToken? From(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new GitHubToken(value.Trim());

    /// <summary>The explicit input when given, else <c>GITHUB_TOKEN</c> from the environment.</summary>
    public static GitHubToken? FromInputOrEnvironment(string? input, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return From(input) ?? From(environment("GITHUB_TOKEN"));
    }

    /// <summary>Replaces every occurrence of the token in <paramref name="text"/> with a mask.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(Value, Mask, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString() => "GitHubToken(" + Mask + ")";
}
