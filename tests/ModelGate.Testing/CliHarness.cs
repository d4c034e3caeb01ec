using ModelGate.Cli;

namespace ModelGate.Testing;

/// <summary>What one run of the CLI (in-process or a child process) printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Stderr lines that are not progress or warnings: the user-facing error, if any.</summary>
    public IReadOnlyList<string> ErrorLines => [.. Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(l => !l.StartsWith("[modelgate", StringComparison.Ordinal) && !l.StartsWith("modelgate: warning:", StringComparison.Ordinal))];

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs <c>dotnet modelgate</c> in-process through <see cref="ModelGateCli.RunAsync"/>.</summary>
public static class CliHarness
{
    /// <summary>
    /// The one pinned clock of every test run (SOURCE_DATE_EPOCH, which the CLI's Check/Clock.cs reads), so reports
    /// are reproducible; the committed examples' expected reports carry this time.
    /// </summary>
    public const string SourceDateEpoch = "1790000000";

    /// <summary>A NuGet packages folder that stays empty.</summary>
    public static string EmptyNuGet { get; } = Directory.CreateTempSubdirectory("modelgate-nuget-").FullName;

    /// <summary>
    /// Runs the CLI with the pinned clock and an empty NuGet cache of the tests' own (whether the developer's cache holds
    /// the CUDA build must not change a report); <paramref name="env"/> adds to or overrides both. The working folder
    /// is the repository root unless given.
    /// </summary>
    public static async Task<CliRun> RunAsync(string[] args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? env = null,
        CancellationToken cancellation = default)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["SOURCE_DATE_EPOCH"] = SourceDateEpoch, ["NUGET_PACKAGES"] = EmptyNuGet };
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, IsTerminal: false, environment, workingDirectory ?? RepoPaths.Root);
        var code = await ModelGateCli.RunAsync(args, console, cancellation);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
