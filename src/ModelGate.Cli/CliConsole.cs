namespace ModelGate.Cli;

/// <summary>Where the CLI writes, and what it knows about the terminal; injected so tests run commands in-process.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="IsTerminal">True when stdout is an interactive terminal (progress and colors allowed).</param>
/// <param name="Environment">Environment variables (GITHUB_*, MODELGATE_*).</param>
/// <param name="WorkingDirectory">Folder relative paths resolve against.</param>
internal sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    bool IsTerminal,
    IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory)
{
    /// <summary>The process's own console and environment.</summary>
    public static CliConsole System => new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected && global::System.Environment.GetEnvironmentVariable("CI") is null,
        global::System.Environment.GetEnvironmentVariables().Cast<global::System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal),
        global::System.Environment.CurrentDirectory);

    /// <summary>An environment variable, or null when unset or empty.</summary>
    public string? Env(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>A path made absolute against the working directory.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
