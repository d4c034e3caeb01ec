using ModelGate.Cli.Commands;
using ModelGate.Core.Errors;
using ModelGate.Engine;
using ModelGate.Reports;

namespace ModelGate.Cli.Check;

/// <summary>
/// <c>modelgate check</c>: flags and environment into a <see cref="GateRequest"/>, the outputs checked, the gate run
/// (<see cref="GateRun"/> writes the report files), then the console table, metrics, GitHub and the exit code. The
/// report files are written before any network call, so no fault of GitHub's loses them.
/// </summary>
internal sealed class CheckRunner(CliConsole console)
{
    private readonly RunLog _log = new(console.Error);

    /// <summary>Runs the gate and returns the exit code.</summary>
    public async Task<int> RunAsync(CheckOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credentials = options.Pushgateway is null ? null : MetricsPush.Credentials(console);
        var request = Request(options);
        OutputPreflight.Check(options, console);
        cancellation.ThrowIfCancellationRequested();

        var run = await GateRun.ExecuteAsync(request, _log, cancellation).ConfigureAwait(false);
        var (policy, result, context, written) = (run.Policy, run.Result, run.Context, run.Written);

        var table = ConsoleReport.Render(result, context, colors: console.IsTerminal);
        await console.Out.WriteAsync(table.EndsWith('\n') ? table : table + "\n").ConfigureAwait(false);

        var exitCode = GateExitCode.For(result, options.FailOn);
        if (options.Pushgateway is { } gateway)
        {
            exitCode = await new MetricsPush(console, _log).PushAsync(options, gateway, credentials!, result, context, exitCode, cancellation).ConfigureAwait(false);
        }

        if (options.GitHub || options.GitHubSummaryOnly)
        {
            exitCode = await new GitHubPublishing(console, _log).PublishAsync(options, policy, result, context, exitCode, cancellation).ConfigureAwait(false);
        }

        foreach (var failure in written.Failures)
        {
            await console.Error.WriteLineAsync($"modelgate: {failure.Message}").ConfigureAwait(false);
        }

        return written.Failures.Count > 0 ? ErrorCategories.AfterLateFailure(exitCode, ErrorCategory.Environment) : exitCode;
    }

    /// <summary>The run the flags and the environment ask for; every path resolved against the working folder.</summary>
    public GateRequest Request(CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = console.ResolvePath(options.PolicyPath);
        if (!File.Exists(path))
        {
            throw new UsageException(
                $"policy file not found: {ReportComposer.DisplayPath(path, console.WorkingDirectory)}. Pass --policy <file>, or run 'dotnet modelgate init --model <candidate.onnx> --holdout <data.csv>' to write one.");
        }

        if (options.Resamples is { } resamples && resamples is < 1 or > PolicyOverrides.MaxResamples)
        {
            throw new UsageException($"--resamples {resamples} is outside 1 to 1,000,000; 1000 is a good default (fewer than 100 gives rough intervals).");
        }

        var device = ModelGate.Onnx.Sessions.DeviceRequest.TryParse(options.Device)
            ?? throw new UsageException($"--device '{options.Device}' is not one of auto, cpu, cuda, cuda:N.");
        string? Path(string? value) => value is null ? null : console.ResolvePath(value);
        return new GateRequest
        {
            PolicyPath = path,
            PolicyOptions = options.Guard.PolicyOptions(console),
            Overrides = new PolicyOverrides
            {
                Candidate = Path(options.Candidate),
                Baseline = Path(options.Baseline),
                Holdout = Path(options.Holdout),
                Train = Path(options.Train),
                Seed = options.Seed,
                Resamples = options.Resamples,
                CandidateVersion = options.CandidateVersion,
                BaselineVersion = options.BaselineVersion,
            },
            Now = Clock.Now(console),
            WorkingDirectory = console.WorkingDirectory,
            Runtime = RuntimeSetup.Options(console, options.OnnxRuntime, device),
            Device = device,
            BatchSize = options.BatchSize,
            BatchTimeBudget = RuntimeSetup.BatchTimeBudget(console),
            Limits = options.Guard.ResourceLimits(),
            Scores = ScoresOption.Parse(options.Scores, console),
            OutDir = string.IsNullOrWhiteSpace(options.OutDir) ? options.OutDir : console.ResolvePath(options.OutDir), // an empty --out is OutputPreflight's to reject
            Formats = options.Formats,
            GateKey = options.GateKey,
            Run = RunOrigin.From(console.Env, options.PullRequest),
        };
    }
}
