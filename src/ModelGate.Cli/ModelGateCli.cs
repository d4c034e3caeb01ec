using System.CommandLine;
using ModelGate.Cli.Commands;
using ModelGate.Core.Text;

namespace ModelGate.Cli;

/// <summary>Builds the command tree and runs it: parsing, composition and exit codes only; the work lives in the libraries.</summary>
internal static class ModelGateCli
{
    /// <summary>Runs the CLI in-process and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        var guardedOut = new ConsoleGuard(console.Out, allowColours: console.IsTerminal);
        var guardedError = new ConsoleGuard(console.Error, allowColours: false);
        try
        {
            return await RunGuardedAsync(args, console with { Out = guardedOut, Error = guardedError }, cancellation).ConfigureAwait(false);
        }
        finally
        {
            guardedOut.Complete();
            guardedError.Complete();
        }
    }

    private static async Task<int> RunGuardedAsync(string[] args, CliConsole console, CancellationToken cancellation)
    {
        var root = CreateRootCommand(console);
        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,

            // Program.cs owns Ctrl-C/SIGTERM (cancel, then a grace period); a second handler here would race it.
            ProcessTerminationTimeout = null,
        };

        // System.CommandLine's own parse-error exit code is 1, which would read as "gate failed".
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"modelgate: {ConsoleText.Escape(error.Message)}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'dotnet modelgate --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageOrPolicyError;
        }

        CliFailure? failure = null;
        var exitCode = ExitCodes.Passed;
        try
        {
            exitCode = await parse.InvokeAsync(invocation, cancellation).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = CliFailure.From(ex, cancellation);
        }

        // A cancelled run may surface as an exception here or be absorbed by System.CommandLine's own
        // cancellation handling; either way the user is told it was interrupted, with the distinct exit code.
        if (cancellation.IsCancellationRequested && failure?.ExitCode is null or ExitCodes.Interrupted)
        {
            failure = CliFailure.From(new OperationCanceledException(cancellation), cancellation);
        }

        if (failure is null)
        {
            return exitCode;
        }

        await console.Error.WriteLineAsync(failure.Message).ConfigureAwait(false);
        return failure.ExitCode;
    }

    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand(
            "ModelGate: decide whether a candidate ONNX model may replace the baseline, with paired statistics.\n\n" +
            "Examples:\n" +
            "  dotnet modelgate check                              # uses ./modelgate.yml\n" +
            "  dotnet modelgate check --policy examples/breast-cancer/modelgate.yml --out report\n" +
            "  dotnet modelgate init --model model.onnx --holdout holdout.csv\n" +
            "  dotnet modelgate inspect model.onnx\n" +
            "  dotnet modelgate validate --print\n" +
            "  dotnet modelgate gpu install                        # the CUDA build of ONNX Runtime, once");
        root.Subcommands.Add(CheckCommand.Create(console));
        root.Subcommands.Add(ScoreCommand.Create(console));
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(InspectCommand.Create(console));
        root.Subcommands.Add(InitCommand.Create(console));
        root.Subcommands.Add(CommentCommand.Create(console));
        root.Subcommands.Add(GpuCommand.Create(console));

        var version = root.Options.OfType<VersionOption>().Single();
        version.Action = new VersionAction(console);
        return root;
    }
}
