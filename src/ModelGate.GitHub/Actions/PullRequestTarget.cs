using System.Globalization;
using System.Text.Json;

namespace ModelGate.GitHub.Actions;

/// <summary>The pull request to comment on, or why there is none (then <see cref="Note"/> is the one-line summary note).</summary>
/// <param name="Repository">The repository, when known.</param>
/// <param name="Number">The pull request number, or null when ModelGate must not comment.</param>
/// <param name="Note">Why no comment is posted; null when <see cref="CanComment"/>.</param>
internal sealed record PullRequestTarget(RepositoryName? Repository, int? Number, string? Note)
{
    /// <summary>True when both the repository and the pull request number are known.</summary>
    public bool CanComment => Repository is not null && Number is not null;

    /// <summary>True when the reason there is no pull request is a broken setup (a malformed event file), not the event's kind.</summary>
    public bool IsSetupError { get; init; }

    /// <summary>
    /// Decides the pull request: an explicit number (<c>--pr</c>, meant for workflow_run) wins; pull_request and
    /// pull_request_target read <c>pull_request.number</c> from the event file; anything else (push, schedule...) gets none.
    /// </summary>
    public static PullRequestTarget Resolve(ActionsEnvironment environment, int? explicitNumber)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (explicitNumber is <= 0)
        {
            throw new GitHubSetupException(
                $"--pr {explicitNumber.Value.ToString(CultureInfo.InvariantCulture)} is not a pull request number; pass the positive number carried in the artifact.");
        }

        if (environment.Repository is null)
        {
            return new PullRequestTarget(null, null,
                "No PR comment: GITHUB_REPOSITORY is not set (not running in GitHub Actions); the report is in the files written.");
        }

        var repository = RepositoryName.Parse(environment.Repository);
        if (explicitNumber is { } number)
        {
            return new PullRequestTarget(repository, number, null);
        }

        var eventName = environment.EventName ?? "(none)";
        return eventName switch
        {
            "pull_request" or "pull_request_target" => FromEventFile(repository, eventName, environment.EventPath),
            "workflow_run" => new PullRequestTarget(repository, null,
                "No PR comment: a workflow_run needs --pr with the pull request number from the artifact (docs/github.md)."),
            _ => new PullRequestTarget(repository, null,
                $"No PR comment: the {eventName} event has no pull request; the verdict is in this summary only."),
        };
    }

    private static PullRequestTarget FromEventFile(RepositoryName repository, string eventName, string? eventPath)
    {
        if (eventPath is null || !File.Exists(eventPath))
        {
            return new PullRequestTarget(repository, null,
                $"No PR comment: the {eventName} event file (GITHUB_EVENT_PATH) is missing; pass --pr to comment.");
        }

        string problem;
        try
        {
            using var stream = File.OpenRead(eventPath);
            using var payload = JsonDocument.Parse(stream);
            problem = NumberProblem(payload.RootElement, out var value);
            if (problem.Length == 0)
            {
                return new PullRequestTarget(repository, value, null);
            }
        }
        catch (JsonException e)
        {
            // A broken payload must not stop the gate: the summary and the report files are still written.
            problem = FormattableString.Invariant($"is not valid JSON (line {(e.LineNumber ?? 0) + 1})");
        }

        return new PullRequestTarget(repository, null,
            $"ModelGate setup error: the {eventName} event file (GITHUB_EVENT_PATH) {problem}, so no PR comment was posted; pass --pr with the pull request number.")
        {
            IsSetupError = true,
        };
    }

    private static string NumberProblem(JsonElement root, out int value)
    {
        value = 0;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("pull_request", out var pullRequest)
            || pullRequest.ValueKind != JsonValueKind.Object
            || !pullRequest.TryGetProperty("number", out var number))
        {
            return "has no pull_request.number";
        }

        // TryGetInt32 throws on a string, which crashed the publisher and lost the job summary.
        if (number.ValueKind != JsonValueKind.Number || !number.TryGetInt32(out value) || value <= 0)
        {
            return "has a pull_request.number that is " + (number.ValueKind == JsonValueKind.Number ? "not a positive whole number" : "a " + number.ValueKind.ToString().ToLowerInvariant() + ", not a number");
        }

        return string.Empty;
    }
}
