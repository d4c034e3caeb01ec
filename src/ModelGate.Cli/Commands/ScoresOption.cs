using System.CommandLine;
using ModelGate.Core.Text;

namespace ModelGate.Cli.Commands;

/// <summary>
/// <c>check --scores role=file[,role=file…]</c> (repeatable): score files to gate instead of running the models. A file
/// name may hold * and ? (expanded in its folder, sorted), so <c>candidate=scores/candidate-*.parquet</c> names every shard.
/// </summary>
internal static class ScoresOption
{
    /// <summary>The roles a score file can fill.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["candidate", "baseline"];

    /// <summary>Creates the option.</summary>
    public static Option<string[]> Create() => new("--scores")
    {
        Description = "Gate score files written by 'modelgate score' instead of running the models: role=file, comma-separated or repeated, "
            + "globs allowed (e.g. candidate=scores/candidate-*.parquet,baseline=scores/baseline-*.parquet).",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>The files per role, paths resolved against the console's folder; null when the option was not given.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>>? Parse(IReadOnlyList<string>? values, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var files = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var item in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var at = item.IndexOf('=', StringComparison.Ordinal);
            var role = at < 0 ? string.Empty : item[..at].Trim();
            if (!Roles.Contains(role, StringComparer.Ordinal) || at == item.Length - 1)
            {
                throw new UsageException($"--scores: {ConsoleText.Preview(item, 80)} is not role=file; write candidate=<file> and baseline=<file> (e.g. --scores candidate=c.parquet,baseline=b.parquet).");
            }

            var list = files.TryGetValue(role, out var existing) ? existing : files[role] = [];
            foreach (var file in Expand(item[(at + 1)..].Trim(), console))
            {
                if (!list.Contains(file, StringComparer.Ordinal))
                {
                    list.Add(file);
                }
            }
        }

        return files.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }

    private static List<string> Expand(string pattern, CliConsole console)
    {
        var path = console.ResolvePath(pattern);
        var name = Path.GetFileName(path);
        if (name.AsSpan().IndexOfAny("*?") < 0)
        {
            return [path];
        }

        var folder = Path.GetDirectoryName(path) ?? console.WorkingDirectory;
        var matches = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => Glob.Matches(name, Path.GetFileName(f)) && !f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];
        return matches.Count > 0
            ? matches
            : throw new UsageException($"--scores: no file matches {ConsoleText.Preview(pattern, 120)}; check the path (download the score files before gating them).");
    }
}
