using ModelGate.Cli.Commands;
using ModelGate.Core;
using ModelGate.Core.Errors;
using ModelGate.Core.Results;
using ModelGate.Engine;
using ModelGate.GitHub.Actions;
using ModelGate.GitHub.Comments;
using ModelGate.GitHub.Rest;
using ModelGate.Policy.Model;
using ModelGate.Reports;

namespace ModelGate.Cli.Check;

/// <summary>
/// The GitHub step of a run: job summary, annotations at the policy's lines, step outputs, and the sticky PR
/// comment. Runs after the report files are written; a comment that cannot be posted never changes the gate's
/// verdict (a setup error only turns a pass into exit 4, so a broken token does not go unnoticed).
/// </summary>
internal sealed class GitHubPublishing(CliConsole console, RunLog log)
{
    /// <summary>Publishes and returns the exit code to use.</summary>
    public async Task<int> PublishAsync(CheckOptions options, GatePolicy policy, GateResult result, ReportContext context, int exitCode, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(result);
        var environment = ActionsEnvironment.From(console.Env);
        var (summary, commentText) = MarkdownReport.RenderSummaryAndComment(result, context);
        var report = new GateReport(
            result.Passed ? "pass" : "fail",
            summary,
            commentText,
            JsonReport.Render(result, context),
            GateExitCode.FailedChecks(result),
            Annotations(result, ReportComposer.DisplayPath(policy.File, console.WorkingDirectory)));

        PullRequestTarget? target = null;
        using var client = options.GitHubSummaryOnly ? null : CommentClient(options, environment, out target);
        var settings = client is null || target is null ? null : new CommentSettings(new StickyComment(client), target, options.GateKey)
        {
            Mode = options.CommentMode,
            Author = AuthorRule(options.GitHubSettings),
        };
        var published = await new ActionsPublisher(environment, ConsoleGuard.RawOf(console.Out)).PublishAsync(report, settings, cancellation).ConfigureAwait(false);
        if (published.Comment is { } comment)
        {
            log.Step(comment.Describe());
        }

        if (target is { IsSetupError: true, Note: { } problem })
        {
            // The summary is already written; the setup error goes under it and, like a broken token, turns a pass into exit 4.
            if (environment.StepSummaryPath is { } summaryPath)
            {
                JobSummary.Append(summaryPath, "\n" + problem + "\n");
            }

            console.Error.WriteLine("modelgate: " + problem);
            return ErrorCategories.AfterLateFailure(exitCode, ErrorCategory.Publishing);
        }

        return published.CommentSetupFailed ? ErrorCategories.AfterLateFailure(exitCode, ErrorCategory.Publishing) : exitCode;
    }

    /// <summary>One annotation per check that did not pass, at the line of the policy that declares it; blocking failures first.</summary>
    public static IReadOnlyList<Annotation> Annotations(GateResult result, string policyFile)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Checks
            .Where(c => c.Verdict is Verdict.Fail or Verdict.Inconclusive || c.WaiverExpired)
            .Select(c => new Annotation(
                c.Blocks ? AnnotationLevel.Error : c.Spec.Severity == Severity.Info ? AnnotationLevel.Notice : AnnotationLevel.Warning,
                policyFile,
                c.Spec.Location?.Line,
                $"ModelGate {c.Verdict.ToString().ToLowerInvariant()}: {c.Spec.Title}",
                c.Reason,
                c.Blocks ? 0 : c.Verdict == Verdict.Fail ? 1 : 2))];
    }

    private GitHubRestClient? CommentClient(CheckOptions options, ActionsEnvironment environment, out PullRequestTarget? target)
    {
        target = PullRequestTarget.Resolve(environment, options.PullRequest);
        if (!target.CanComment)
        {
            if (!target.IsSetupError)
            {
                log.Step(target.Note ?? "No PR comment.");
            }

            return null;
        }

        return Client(console, options.GitHubSettings, log.Step);
    }

    /// <summary>A REST client from the environment and the GitHub flags.</summary>
    public static GitHubRestClient Client(CliConsole console, GitHubOptions github, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(github);
        var policy = github.TimeoutSeconds is { } seconds
            ? RetryPolicy.Default with { TotalTimeBound = TimeSpan.FromSeconds(Math.Max(1, seconds)) }
            : RetryPolicy.Default;
        return new GitHubRestClient(GitHubConnection.FromEnvironment(console.Env, github.Token), policy, log: log);
    }

    /// <summary>Whose comments count as ModelGate's.</summary>
    public static CommentAuthorRule AuthorRule(GitHubOptions github)
    {
        ArgumentNullException.ThrowIfNull(github);
        return github.Author is { Length: > 0 } login ? CommentAuthorRule.Exactly(login) : CommentAuthorRule.AnyBot;
    }
}
