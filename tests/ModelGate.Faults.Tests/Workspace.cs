using System.Reflection;
using System.Text;
using ModelGate.Cli;

namespace ModelGate.Faults.Tests;

/// <summary>A temp folder holding a copy of an example, to break one thing in; deleted on dispose.</summary>
public sealed class Workspace : IDisposable
{
    /// <summary>The repository root (from the test assembly's metadata).</summary>
    public static string RepoRoot { get; } = typeof(Workspace).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ModelGateRepoRoot").Value!;

    /// <summary>A committed file, by path from the repository root.</summary>
    public static string Repo(string relative) => Path.Combine(RepoRoot, relative);

    public Workspace(string example = "breast-cancer")
    {
        Dir = Path.Combine(Path.GetTempPath(), "modelgate-faults-" + Guid.NewGuid().ToString("N")[..10]);
        CopyFolder(Repo(Path.Combine("examples", example)), Dir);
        // Fewer resamples keep the catalogue fast; verdicts in these cases do not hinge on them.
        EditPolicy(p => p.Replace("resamples: 1000", "resamples: 200", StringComparison.Ordinal));
    }

    public string Dir { get; }

    public string PolicyPath => Path.Combine(Dir, "modelgate.yml");

    public string HoldoutPath => Path.Combine(Dir, "data", "holdout.csv");

    public string OutDir => Path.Combine(Dir, "out");

    public string File(string relative) => Path.Combine(Dir, relative);

    public void EditPolicy(Func<string, string> edit) => System.IO.File.WriteAllText(PolicyPath, edit(System.IO.File.ReadAllText(PolicyPath)));

    /// <summary>Replaces text in the policy, failing when the text is not there (so a case cannot silently test nothing).</summary>
    public void ReplaceInPolicy(string old, string replacement) => EditPolicy(p =>
    {
        Assert.Contains(old, p, StringComparison.Ordinal);
        return p.Replace(old, replacement, StringComparison.Ordinal);
    });

    /// <summary>Edits the holdout as lines (index 0 is the header).</summary>
    public void EditHoldoutLines(Action<List<string>> edit)
    {
        var lines = System.IO.File.ReadAllText(HoldoutPath).Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        edit(lines);
        System.IO.File.WriteAllText(HoldoutPath, string.Join('\n', lines) + "\n");
    }

    /// <summary>Sets one cell of the holdout (row 1 is the first data row).</summary>
    public void SetCell(int row, int column, string value) => EditHoldoutLines(lines =>
    {
        var cells = lines[row].Split(',');
        cells[column] = value;
        lines[row] = string.Join(',', cells);
    });

    public void Write(string relative, string text) => System.IO.File.WriteAllText(File(relative), text, new UTF8Encoding(false));

    public void WriteBytes(string relative, byte[] bytes) => System.IO.File.WriteAllBytes(File(relative), bytes);

    public void CopyIn(string repoRelative, string relative) => System.IO.File.Copy(Repo(repoRelative), File(relative), overwrite: true);

    /// <summary>Runs the CLI in-process in this folder.</summary>
    public async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? environment, CancellationToken cancellation, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // The NuGet cache is the workspace's own, empty unless a case fills it: the developer's cache never decides a case.
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["SOURCE_DATE_EPOCH"] = "1795316400", ["NUGET_PACKAGES"] = Directory.CreateDirectory(File("nuget")).FullName };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var console = new CliConsole(stdout, stderr, IsTerminal: false, env, Dir);
        var code = await ModelGateCli.RunAsync(args, console, cancellation);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A case may leave a file where a folder should be; the temp folder is cleaned by the OS then.
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            System.IO.File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}

/// <summary>What one CLI run printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stderr lines that are not progress lines.</summary>
    public IReadOnlyList<string> ErrorLines => [.. Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("[modelgate", StringComparison.Ordinal))];

    public override string ToString() => $"exit {ExitCode}\n--- stderr ---\n{Stderr}\n--- stdout ---\n{Stdout}";
}
