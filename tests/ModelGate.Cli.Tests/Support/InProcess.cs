namespace ModelGate.Cli.Tests.Support;

/// <summary>What one in-process run of the CLI printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Stderr lines that are not progress or warnings: the user-facing error, if any.</summary>
    public IReadOnlyList<string> ErrorLines => [.. Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(l => !l.StartsWith("[modelgate", StringComparison.Ordinal) && !l.StartsWith("modelgate: warning:", StringComparison.Ordinal))];

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs <c>dotnet modelgate</c> in-process through <see cref="ModelGateCli.RunAsync"/>.</summary>
public static class InProcess
{
    /// <summary>The pinned clock every test run uses, so reports are reproducible.</summary>
    public const string SourceDateEpoch = "1790000000";

    /// <summary>A NuGet packages folder that stays empty.</summary>
    public static string EmptyNuGet { get; } = Directory.CreateTempSubdirectory("modelgate-nuget-").FullName;

    public static async Task<CliRun> RunAsync(string[] args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? env = null)
    {
        // An empty NuGet cache of the tests' own: whether the developer's cache holds the CUDA build must not change a report.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["SOURCE_DATE_EPOCH"] = SourceDateEpoch, ["NUGET_PACKAGES"] = EmptyNuGet };
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(output, error, IsTerminal: false, environment, workingDirectory ?? Repo.Root);
        var code = await ModelGateCli.RunAsync(args, console);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
