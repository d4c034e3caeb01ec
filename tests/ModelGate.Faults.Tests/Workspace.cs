namespace ModelGate.Faults.Tests;

/// <summary>A temp folder holding a copy of an example, to break one thing in; deleted on dispose.</summary>
internal sealed class Workspace : IDisposable
{
    private readonly TempFolder _temp = new("faults");

    public Workspace(string example = "breast-cancer")
    {
        _temp.CopyFrom(RepoPaths.Example(example));
        // Fewer resamples keep the catalogue fast; verdicts in these cases do not hinge on them.
        EditPolicy(p => p.Replace("resamples: 1000", "resamples: 200", StringComparison.Ordinal));
    }

    public string Dir => _temp.Path;

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

    public void Write(string relative, string text) => _temp.Write(relative, text);

    public void WriteBytes(string relative, byte[] bytes) => _temp.WriteBytes(relative, bytes);

    public void CopyIn(string repoRelative, string relative) => System.IO.File.Copy(RepoPaths.Path(repoRelative), File(relative), overwrite: true);

    /// <summary>Runs the CLI in-process in this folder.</summary>
    public Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? environment, CancellationToken cancellation, params string[] args)
    {
        // The NuGet cache is the workspace's own, empty unless a case fills it: the developer's cache never decides a case.
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["NUGET_PACKAGES"] = Directory.CreateDirectory(File("nuget")).FullName };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        return CliHarness.RunAsync(args, Dir, env, cancellation);
    }

    public void Dispose() => _temp.Dispose();
}
