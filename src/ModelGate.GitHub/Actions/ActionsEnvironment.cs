namespace ModelGate.GitHub.Actions;

/// <summary>The GitHub Actions variables ModelGate reads, captured once from an environment lookup.</summary>
/// <param name="IsActions">True when <c>GITHUB_ACTIONS</c> is <c>true</c>.</param>
/// <param name="EventName"><c>GITHUB_EVENT_NAME</c>, e.g. pull_request, workflow_run, push.</param>
/// <param name="EventPath"><c>GITHUB_EVENT_PATH</c>: the webhook payload JSON file.</param>
/// <param name="Repository"><c>GITHUB_REPOSITORY</c>: owner/name.</param>
/// <param name="StepSummaryPath"><c>GITHUB_STEP_SUMMARY</c>: the job summary file.</param>
/// <param name="OutputPath"><c>GITHUB_OUTPUT</c>: the step outputs file.</param>
internal sealed record ActionsEnvironment(
    bool IsActions,
    string? EventName,
    string? EventPath,
    string? Repository,
    string? StepSummaryPath,
    string? OutputPath)
{
    /// <summary>Reads the variables through <paramref name="environment"/> (e.g. <c>Environment.GetEnvironmentVariable</c>).</summary>
    public static ActionsEnvironment From(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new ActionsEnvironment(
            string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase),
            Blank(environment("GITHUB_EVENT_NAME")),
            Blank(environment("GITHUB_EVENT_PATH")),
            Blank(environment("GITHUB_REPOSITORY")),
            Blank(environment("GITHUB_STEP_SUMMARY")),
            Blank(environment("GITHUB_OUTPUT")));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
