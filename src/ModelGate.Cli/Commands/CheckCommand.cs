using System.CommandLine;
using ModelGate.Cli.Check;
using ModelGate.Engine;
using ModelGate.GitHub.Comments;
using ModelGate.Monitoring;

namespace ModelGate.Cli.Commands;

/// <summary>Which checks make the process exit 1.</summary>
internal enum FailOn
{
    /// <summary>Blocking checks of severity error (the default).</summary>
    Error,

    /// <summary>Also checks of severity warning that failed or were inconclusive.</summary>
    Warning,

    /// <summary>Never: report only (exit 0 whenever the tool itself worked).</summary>
    Never,
}

/// <summary>Everything <c>modelgate check</c> was asked to do; flags override the policy's values.</summary>
internal sealed record CheckOptions
{
    /// <summary>The policy file.</summary>
    public required string PolicyPath { get; init; }

    /// <summary>Overrides models.candidate.</summary>
    public string? Candidate { get; init; }

    /// <summary>Overrides models.baseline.</summary>
    public string? Baseline { get; init; }

    /// <summary>Overrides data.holdout.</summary>
    public string? Holdout { get; init; }

    /// <summary>Overrides data.train.</summary>
    public string? Train { get; init; }

    /// <summary>The raw <c>--scores role=file</c> values: gate these score files instead of running the models.</summary>
    public IReadOnlyList<string>? Scores { get; init; }

    /// <summary>auto, cpu or cuda[:N].</summary>
    public string Device { get; init; } = "auto";

    /// <summary>An explicit ONNX Runtime library (file or folder).</summary>
    public string? OnnxRuntime { get; init; }

    /// <summary>Report folder.</summary>
    public string OutDir { get; init; } = "modelgate-report";

    /// <summary>Report formats to write.</summary>
    public IReadOnlySet<string> Formats { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "md", "json", "junit", "html" };

    /// <summary>Post to GitHub (summary, annotations, outputs, PR comment).</summary>
    public bool GitHub { get; init; }

    /// <summary>Write the GitHub job summary, annotations and outputs, but post no comment.</summary>
    public bool GitHubSummaryOnly { get; init; }

    /// <summary>What fails the process.</summary>
    public FailOn FailOn { get; init; } = FailOn.Error;

    /// <summary>Identifies this gate's comment.</summary>
    public string GateKey { get; init; } = "default";

    /// <summary>Explicit pull-request number (workflow_run).</summary>
    public int? PullRequest { get; init; }

    /// <summary>How the comment is kept current.</summary>
    public CommentMode CommentMode { get; init; } = CommentMode.Update;

    /// <summary>Rows per inference call; null = the engine's default.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Overrides statistics.seed.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Overrides statistics.resamples.</summary>
    public int? Resamples { get; init; }

    /// <summary>GitHub options shared with <c>comment</c>.</summary>
    public GitHubOptions GitHubSettings { get; init; } = new();

    /// <summary>Where to push the run's metrics, if anywhere.</summary>
    public PushgatewayEndpoint? Pushgateway { get; init; }

    /// <summary>True when a failed push is an error (exit 4 for a passing gate) rather than a warning.</summary>
    public bool PushgatewayRequired { get; init; }

    /// <summary>Bound on the whole push in seconds, retries included.</summary>
    public int PushgatewayTimeoutSeconds { get; init; } = 10;

    /// <summary>The candidate's version for monitoring labels; overrides the ONNX metadata.</summary>
    public string? CandidateVersion { get; init; }

    /// <summary>The baseline's version for monitoring labels; overrides the ONNX metadata.</summary>
    public string? BaselineVersion { get; init; }

    /// <summary>Where the policy's files may be and the resource limits.</summary>
    public InputGuardOptions Guard { get; init; } = new();

    /// <summary>Wall-clock budget of the whole run in seconds; 0 turns it off.</summary>
    public int TimeoutSeconds { get; init; } = RunBudget.DefaultSeconds;
}

/// <summary>How ModelGate talks to GitHub (token, time bound, whose comment is ours).</summary>
/// <param name="Token">A token given on the command line; GITHUB_TOKEN is used otherwise (and is preferred: command lines are visible to other processes).</param>
/// <param name="TimeoutSeconds">Total time bound for posting the comment, retries included.</param>
/// <param name="Author">Only comments by this login count as ModelGate's (for personal tokens); any bot otherwise.</param>
internal sealed record GitHubOptions(string? Token = null, int? TimeoutSeconds = null, string? Author = null);

/// <summary><c>modelgate check</c>: runs the gate.</summary>
internal static class CheckCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var run = ModelOptionSet.Create();
        var train = new Option<string?>("--train") { Description = "Train sample for the generalization gap; overrides data.train." };
        var scores = ScoresOption.Create();
        var outDir = new Option<string>("--out", "-o") { Description = "Report folder.", DefaultValueFactory = _ => "modelgate-report" };
        var format = new Option<string>("--format") { Description = "Report formats, comma-separated: md, json, junit, html, openmetrics.", DefaultValueFactory = _ => "md,json,junit,html" };
        var github = new Option<bool>("--github") { Description = "Post to GitHub: job summary, annotations, outputs and the PR comment." };
        var summaryOnly = new Option<bool>("--github-summary-only") { Description = "GitHub job summary, annotations and outputs, but no PR comment." };
        var failOn = OptionValues.Choice("--fail-on", "Which checks fail the process: error, warning or never.", FailOn.Error);
        var gateKey = new Option<string>("--gate-key", "--comment-key") { Description = "Identifies this gate's PR comment when several gates run.", DefaultValueFactory = _ => "default" };
        var pr = OptionValues.WholeNumber("--pr", "Pull-request number (for workflow_run workflows).", 1, int.MaxValue);
        var commentMode = CommentModeOption.Create();
        var (token, timeout, author) = GitHubOptionSet.Create();
        var batch = OptionValues.WholeNumber("--batch-size", "Rows per inference call (1 to 1,048,576).", 1, 1 << 20);
        var seed = OptionValues.Seed("--seed", "Overrides statistics.seed.");
        var resamples = OptionValues.WholeNumber("--resamples", "Overrides statistics.resamples (1 to 1,000,000).", 1, 1_000_000,
            "1000 is a good default (fewer than 100 gives rough intervals)");
        var push = new Option<string?>("--pushgateway") { Description = "Push the run's metrics to this Prometheus Pushgateway (credentials from MODELGATE_PUSHGATEWAY_TOKEN, or _USERNAME and _PASSWORD)." };
        var pushRequired = new Option<bool>("--pushgateway-required") { Description = "A failed push is an error (exit 4 when the gate passed) instead of a warning." };
        var pushTimeout = OptionValues.WholeNumber("--pushgateway-timeout", "Seconds the push may take, retries included (default 10).", 1, 3_600);
        var candidateVersion = new Option<string?>("--candidate-version") { Description = "The candidate's version for monitoring labels (else the ONNX metadata's)." };
        var baselineVersion = new Option<string?>("--baseline-version") { Description = "The baseline's version for monitoring labels (else the ONNX metadata's)." };
        var guard = InputGuardOptionSet.Create();
        var runTimeout = OptionValues.WholeNumber("--timeout", "Seconds the whole run may take (default 3600; 0: no limit).", 0, int.MaxValue, "0 turns the limit off");

        var command = new Command("check", "Run the gate: evaluate candidate and baseline on the holdout and judge the policy.\n\n" +
            "Examples:\n" +
            "  dotnet modelgate check\n" +
            "  dotnet modelgate check --policy examples/breast-cancer/modelgate.yml --out report --format md,json\n" +
            "  dotnet modelgate check --candidate new.onnx --fail-on warning --github\n" +
            "  dotnet modelgate check --scores candidate=scores/candidate-*.parquet,baseline=scores/baseline-*.parquet\n" +
            "  dotnet modelgate check --format md,openmetrics --pushgateway http://pushgateway:9091")
        {
            run.Policy, run.Candidate, run.Baseline, run.Holdout, train, scores, run.Device, run.OnnxRuntime, outDir, format, github, summaryOnly, failOn, gateKey, pr, commentMode, batch, seed, resamples,
            token, timeout, author, push, pushRequired, pushTimeout, candidateVersion, baselineVersion,
            guard.Root, guard.AllowOutside, guard.Limits, runTimeout,
        };

        command.SetAction((parse, cancellation) =>
        {
            var options = run.Read(parse) with
            {
                Train = parse.GetValue(train),
                Scores = parse.GetValue(scores),
                OutDir = parse.GetValue(outDir)!,
                Formats = ParseFormats(parse.GetValue(format)!),
                GitHub = parse.GetValue(github),
                GitHubSummaryOnly = parse.GetValue(summaryOnly),
                FailOn = parse.GetValue(failOn),
                GateKey = parse.GetValue(gateKey)!,
                PullRequest = parse.GetValue(pr),
                CommentMode = CommentModeOption.Parse(parse.GetValue(commentMode)!),
                GitHubSettings = new GitHubOptions(parse.GetValue(token), parse.GetValue(timeout), parse.GetValue(author)),
                BatchSize = parse.GetValue(batch),
                Seed = parse.GetValue(seed),
                Resamples = parse.GetValue(resamples),
                Pushgateway = ParsePushgateway(parse.GetValue(push)),
                PushgatewayRequired = parse.GetValue(pushRequired),
                PushgatewayTimeoutSeconds = parse.GetValue(pushTimeout) ?? 10,
                CandidateVersion = parse.GetValue(candidateVersion),
                BaselineVersion = parse.GetValue(baselineVersion),
                Guard = InputGuardOptionSet.Read(parse, guard),
                TimeoutSeconds = parse.GetValue(runTimeout) ?? RunBudget.DefaultSeconds,
            };
            return RunBudget.RunAsync(options.TimeoutSeconds, budget => new CheckRunner(console).RunAsync(options, budget), cancellation);
        });
        return command;
    }

    /// <summary>The known report formats.</summary>
    public static IReadOnlyList<string> KnownFormats { get; } = ["md", "json", "junit", "html", "openmetrics"];

    private static PushgatewayEndpoint? ParsePushgateway(string? url) =>
        url is null ? null : PushgatewayEndpoint.TryParse(url, out var problem) ?? throw new UsageException(problem + ".");

    private static HashSet<string> ParseFormats(string value)
    {
        var formats = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!KnownFormats.Contains(item, StringComparer.OrdinalIgnoreCase))
            {
                throw new UsageException($"--format: unknown format '{item}'. Use a comma-separated list of: {string.Join(", ", KnownFormats)}.");
            }

            formats.Add(item.ToLowerInvariant());
        }

        if (formats.Count == 0)
        {
            throw new UsageException($"--format is empty: name at least one report format, comma-separated, from: {string.Join(", ", KnownFormats)} (e.g. --format md,json).");
        }

        return formats;
    }
}
