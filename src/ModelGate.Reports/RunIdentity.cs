namespace ModelGate.Reports;

/// <summary>
/// Where a run came from, for monitoring labels: repository, branch or pull request, commit. Every field is optional and
/// untrusted (a pull request chooses its branch name); renderers escape them.
/// </summary>
/// <param name="Repository">owner/name, e.g. from GITHUB_REPOSITORY.</param>
/// <param name="Branch">The branch the run judged (the PR's head branch for a pull request).</param>
/// <param name="PullRequest">The pull-request number, as text.</param>
/// <param name="Commit">The commit SHA.</param>
internal sealed record RunIdentity(string? Repository = null, string? Branch = null, string? PullRequest = null, string? Commit = null)
{
    /// <summary>The CI run's page, e.g. https://github.com/owner/name/actions/runs/123 (its artifacts hold the reports); null when unknown.</summary>
    public string? RunUrl { get; init; }
}
