namespace ModelGate.Faults.Tests;

/// <summary>One thing that can go wrong: how to break a copy of an example, and what ModelGate must answer.</summary>
/// <param name="Name">The case's name, listed in docs/troubleshooting.md.</param>
/// <param name="ExitCode">The exit code the CLI must return.</param>
/// <param name="Message">A precise substring of what the CLI must print (stderr for errors, stdout or report otherwise).</param>
/// <param name="Fix">What the user does about it (the docs table repeats it).</param>
/// <param name="Break">Breaks the workspace.</param>
/// <param name="Args">Extra arguments after <c>check --policy modelgate.yml --out out</c>.</param>
/// <param name="Reports">Report files that must exist and be complete; empty means none may exist.</param>
internal sealed record FaultCase(string Name, int ExitCode, string Message, string Fix, Action<Workspace> Break, string[] Args, string[] Reports)
{
    /// <summary>Where <see cref="Message"/> must appear.</summary>
    public MessagePlace Stream { get; init; } = MessagePlace.Stderr;

    /// <summary>Replaces the default arguments entirely (for usage errors).</summary>
    public string[]? WholeCommand { get; init; }

    /// <summary>Another check on the finished run (e.g. what the report says).</summary>
    public Action<Workspace, CliRun>? Also { get; init; }

    public override string ToString() => Name;
}

/// <summary>Where a case's message is printed.</summary>
internal enum MessagePlace
{
    /// <summary>Standard error (every error).</summary>
    Stderr,

    /// <summary>Standard output (the console report).</summary>
    Stdout,

    /// <summary>report.md.</summary>
    MarkdownReport,
}

/// <summary>Reads the text of a run where a case's message must be.</summary>
internal static class MessagePlaces
{
    /// <summary>Standard output, report.md, or standard error.</summary>
    public static string Text(MessagePlace place, CliRun run, Workspace w) => place switch
    {
        MessagePlace.Stdout => run.Out,
        MessagePlace.MarkdownReport => File.ReadAllText(Path.Combine(w.OutDir, "report.md")),
        _ => run.Error,
    };
}
