namespace ModelGate.Faults.Tests.Hostile;

/// <summary>One hostile input: how a pull request could write it, and how ModelGate must answer (fast, in one line, leaking nothing).</summary>
/// <param name="Name">The case's name.</param>
/// <param name="ExitCode">The exit code the CLI must return.</param>
/// <param name="Message">A precise substring of the answer (stderr unless <see cref="Place"/> says otherwise).</param>
/// <param name="Seconds">The time bound of the whole run.</param>
/// <param name="Plant">Writes the hostile input into a copy of an example.</param>
/// <param name="Args">The command line (run in the workspace folder).</param>
internal sealed record HostileCase(string Name, int ExitCode, string Message, double Seconds, Action<Workspace> Plant, string[] Args)
{
    /// <summary>The example copied into the workspace.</summary>
    public string Example { get; init; } = "breast-cancer";

    /// <summary>Where <see cref="Message"/> must appear.</summary>
    public MessagePlace Place { get; init; } = MessagePlace.Stderr;

    /// <summary>Extra environment variables (GitHub Actions settings).</summary>
    public Func<Workspace, IReadOnlyDictionary<string, string>>? Environment { get; init; }

    /// <summary>Another check on the finished run.</summary>
    public Action<Workspace, CliRun>? Also { get; init; }

    /// <summary>Releases what the case left blocked (a FIFO's reader).</summary>
    public Action<Workspace>? Cleanup { get; init; }

    /// <summary>The usual check command with extra arguments.</summary>
    public static string[] Check(params string[] extra) => ["check", "--policy", "modelgate.yml", "--out", "out", "--resamples", "200", .. extra];

    /// <inheritdoc />
    public override string ToString() => Name;
}
