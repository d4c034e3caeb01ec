using ModelGate.Cli.Commands;
using ModelGate.Engine;
using ModelGate.GitHub;
using ModelGate.GitHub.Rest;
using ModelGate.Reports.Files;

namespace ModelGate.Cli.Check;

/// <summary>
/// What a run will write, checked before any model runs: the report folder is named and writable, the job summary
/// path is a file, and a PR comment has a token. Each used to fail only after the models ran and PASS was printed.
/// </summary>
internal static class OutputPreflight
{
    /// <summary>Throws the error the run would otherwise meet at its end.</summary>
    public static void Check(CheckOptions options, CliConsole console)
    {
        if (string.IsNullOrWhiteSpace(options.OutDir))
        {
            throw new UsageException("--out is empty: name the report folder, e.g. --out modelgate-report.");
        }

        var outDir = console.ResolvePath(options.OutDir);
        // The folder is created to prove it can be, then removed again if it was new: a run that stops later (bad data,
        // a broken model) must leave nothing that looks like a report behind.
        var created = FirstMissing(outDir);
        try
        {
            Directory.CreateDirectory(outDir);
            var probe = Path.Combine(outDir, $".modelgate-write-check-{Environment.ProcessId}.tmp");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            if (created is not null)
            {
                Directory.Delete(created, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportWriteException(options.OutDir, Problem(options.OutDir, outDir, console.WorkingDirectory, e), "pass --out with a folder you can write to", e);
        }

        if (!options.GitHub && !options.GitHubSummaryOnly)
        {
            return;
        }

        var summary = console.Env("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrWhiteSpace(summary) && Directory.Exists(summary))
        {
            throw new GitHubSetupException($"GITHUB_STEP_SUMMARY '{summary}' is a folder; it must name a file (the Actions runner sets it). Unset it outside Actions, or point it at a file.");
        }

        // A comment on a pull request needs a token; say so now rather than after the gate ran.
        var pullRequest = options.PullRequest is not null || console.Env("GITHUB_EVENT_NAME") is "pull_request" or "pull_request_target";
        if (options.GitHub && pullRequest && GitHubToken.FromInputOrEnvironment(options.GitHubSettings.Token, console.Env) is null)
        {
            throw new GitHubSetupException("--github posts a PR comment but there is no token: set GITHUB_TOKEN (in a workflow: env: GITHUB_TOKEN: ${{ github.token }}), pass --github-token, or use --github-summary-only.");
        }
    }

    private static string? FirstMissing(string folder)
    {
        string? missing = null;
        for (var dir = Path.GetFullPath(folder); !string.IsNullOrEmpty(dir) && !Directory.Exists(dir) && !File.Exists(dir); dir = Path.GetDirectoryName(dir))
        {
            missing = dir;
        }

        return missing;
    }

    // The usual cause in words: a file standing where a folder of the path should be; else the system's reason.
    private static string Problem(string given, string outDir, string workingDirectory, Exception e)
    {
        for (var dir = outDir; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return $"'{(Path.IsPathRooted(given) ? dir : Path.GetRelativePath(workingDirectory, dir))}' is a file, not a folder";
            }
        }

        return e.Message.TrimEnd('.');
    }
}
