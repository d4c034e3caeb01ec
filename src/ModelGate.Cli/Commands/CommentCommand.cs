using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ModelGate.Cli.Check;
using ModelGate.Core.Errors;
using ModelGate.Engine;
using ModelGate.GitHub.Actions;
using ModelGate.GitHub.Comments;
using ModelGate.Reports.Text;

namespace ModelGate.Cli.Commands;

/// <summary>
/// <c>modelgate comment</c>: posts a report written earlier by <c>check</c> (the fork-safe workflow_run pattern:
/// the evaluating job has a read-only token; this job may write, and never runs the pull request's code).
/// </summary>
internal static class CommentCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var dir = new Option<string>("--report-dir") { Description = "The report folder written by check (holds comment.md and report.json).", DefaultValueFactory = _ => "modelgate-report" };
        var pr = OptionValues.WholeNumber("--pr", "Pull-request number (from the artifact); else taken from the event.", 1, int.MaxValue);
        var key = new Option<string>("--gate-key", "--comment-key") { Description = "Identifies this gate's comment.", DefaultValueFactory = _ => "default" };
        var mode = CommentModeOption.Create();
        var (token, timeout, author) = GitHubOptionSet.Create();
        var command = new Command("comment", "Post a report written earlier by 'check' as the pull request's ModelGate comment.\n\n" +
            "Example (workflow_run job):\n  dotnet modelgate comment --report-dir modelgate-report --pr \"$(cat modelgate-report/pr-number.txt)\"")
        {
            dir, pr, key, mode, token, timeout, author,
        };
        command.SetAction((parse, cancellation) => RunAsync(console, parse.GetValue(dir)!, parse.GetValue(pr), parse.GetValue(key)!,
            CommentModeOption.Parse(parse.GetValue(mode)!), new GitHubOptions(parse.GetValue(token), parse.GetValue(timeout), parse.GetValue(author)), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string reportDir, int? pr, string key, CommentMode mode, GitHubOptions github, CancellationToken cancellation)
    {
        var folder = console.ResolvePath(reportDir);
        var body = Path.Combine(folder, ReportComposer.CommentFileName);
        var json = Path.Combine(folder, ReportComposer.FileNames["json"]);
        if (!File.Exists(body) || !File.Exists(json))
        {
            throw new UsageException($"{reportDir} has no {ReportComposer.CommentFileName} and {ReportComposer.FileNames["json"]}; run 'dotnet modelgate check --format md,json' first and pass its --out folder.");
        }

        foreach (var file in new[] { body, json })
        {
            if (new FileInfo(file).Length > MaxReportFileBytes)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                    $"{reportDir}/{Path.GetFileName(file)} is larger than {MaxReportFileBytes / (1 << 20)} MiB, which no report written by 'check' is; pass the --out folder of a 'check' run."));
            }
        }

        var verdict = ReadVerdict(json, reportDir);
        var environment = ActionsEnvironment.From(console.Env);
        var target = PullRequestTarget.Resolve(environment, pr);
        if (!target.CanComment)
        {
            throw new UsageException(target.Note ?? "no pull request to comment on; pass --pr.");
        }

        using var client = GitHubPublishing.Client(console, github, line => console.Error.WriteLine(line));
        var outcome = await new StickyComment(client).PostReportAsync(
            // The folder may be a fork's artifact: whatever it says, the bot's comment notifies nobody.
            new PostReportRequest(target, key, verdict, Mentions.Neutralise(await File.ReadAllTextAsync(body, cancellation).ConfigureAwait(false)))
            {
                Author = GitHubPublishing.AuthorRule(github),
                Mode = mode,
            },
            cancellation).ConfigureAwait(false);
        await console.Out.WriteLineAsync(outcome.Describe()).ConfigureAwait(false);
        return outcome.IsCurrent ? ExitCodes.Passed : ErrorCategories.ExitCodeFor(ErrorCategory.Publishing);
    }

    /// <summary>The largest comment.md or report.json accepted (the folder may come from a fork's artifact).</summary>
    public const long MaxReportFileBytes = 16L << 20;

    private static readonly string[] KnownVerdicts = ["pass", "fail", "inconclusive"];

    /// <summary>The verdict at <c>gate.verdict</c> of report.json; "unknown" when absent or not one ModelGate writes.</summary>
    public static string ReadVerdict(string jsonPath, string reportDir)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        if (new FileInfo(jsonPath).Length > MaxReportFileBytes)
        {
            return "unknown";
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(jsonPath), new JsonDocumentOptions { MaxDepth = 64 });
            var found = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("gate", out var gate)
                && gate.ValueKind == JsonValueKind.Object
                && gate.TryGetProperty("verdict", out var v)
                && v.ValueKind == JsonValueKind.String
                ? v.GetString()
                : null;

            // The marker carries the verdict inside an HTML comment: only the words ModelGate writes may go there.
            return KnownVerdicts.Contains(found, StringComparer.Ordinal) ? found! : "unknown";
        }
        catch (JsonException e)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{reportDir}/report.json, line {(e.LineNumber ?? 0) + 1}: not valid JSON; pass the --out folder of a 'check' run written with --format json."));
        }
    }
}
