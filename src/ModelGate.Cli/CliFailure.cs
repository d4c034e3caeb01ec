using ModelGate.Core.Text;

namespace ModelGate.Cli;

/// <summary>
/// Turns an exception that escaped a command into one line for the user and an exit code.
/// A user's mistake never shows a stack trace; only a defect in ModelGate itself does (exit 4,
/// with a request to report it).
/// </summary>
internal sealed record CliFailure(int ExitCode, string Message)
{
    /// <summary>Classifies an exception.</summary>
    public static CliFailure From(Exception exception, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        return exception switch
        {
            OperationCanceledException when cancellation.IsCancellationRequested =>
                new(ExitCodes.Interrupted, "modelgate: interrupted; no report was written for the unfinished run."),
            UsageException usage => new(ErrorCategories.ExitCodeFor(usage.Category), $"modelgate: {ConsoleText.Escape(usage.Message)}"),
            _ when ErrorCategories.TryClassify(exception, out var code) => new(code, "modelgate: " + EscapeLines(exception.Message)),
            _ => new(ExitCodes.EnvironmentError,
                $"modelgate: internal error: {exception.GetType().Name}: {ConsoleText.Escape(exception.Message)}\n" +
                "This is a defect in ModelGate, not in your files; please report it with the details below.\n" +
                exception),
        };
    }

    // A policy error lists one diagnostic per line (each escaped where it is made); any other message is one line.
    private static string EscapeLines(string message) =>
        string.Join('\n', message.Split('\n').Select(ConsoleText.Escape));
}
