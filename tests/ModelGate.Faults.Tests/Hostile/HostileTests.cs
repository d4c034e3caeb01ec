using System.Diagnostics;
using System.Globalization;
using ModelGate.Cli;

namespace ModelGate.Faults.Tests.Hostile;

/// <summary>Runs every hostile case through the CLI in-process, with a secret planted in the environment.</summary>
public sealed class HostileTests
{
    static HostileTests() => Secrets.Plant();

    [Fact]
    public void The_catalogue_has_the_issue_cases_and_at_least_20_more_with_unique_names()
    {
        var names = HostileCatalogue.Cases.Select(c => c.Name).ToList();
        Assert.True(names.Count >= 40, $"{names.Count} cases");
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(HostileCatalogue.Names), MemberType = typeof(HostileCatalogue))]
    public async Task Case(string name)
    {
        var c = HostileCatalogue.Cases.Single(x => x.Name == name);
        using var w = new Workspace(c.Example);
        c.Plant(w);
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["GITHUB_TOKEN"] = Secrets.Token, ["MODELGATE_PLANTED_SECRET"] = Secrets.Token };
        foreach (var (key, value) in c.Environment?.Invoke(w) ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        using var hardStop = new CancellationTokenSource(TimeSpan.FromSeconds(c.Seconds * 4));
        var watch = Stopwatch.StartNew();
        CliRun run;
        try
        {
            run = await w.RunAsync(env, hardStop.Token, c.Args);
        }
        finally
        {
            c.Cleanup?.Invoke(w);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        HostileTimings.Record(name, seconds);
        Assert.True(c.ExitCode == run.ExitCode, $"{name}: expected exit {c.ExitCode}\n{run}");
        Assert.True(seconds <= c.Seconds, string.Create(CultureInfo.InvariantCulture, $"{name}: took {seconds:0.0} s, bound {c.Seconds} s"));
        var where = MessagePlaces.Text(c.Place, run, w);
        Assert.True(where.Contains(c.Message, StringComparison.Ordinal), $"{name}: message not found: {c.Message}\n{run}");

        StackTraces.AssertNone(run.Error);
        StackTraces.AssertNone(run.Out);
        if (c.ExitCode is 2 or 3 or 4)
        {
            var errors = run.ErrorLines.Where(l => !l.StartsWith("modelgate: warning:", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count >= 1, $"{name}: no error line\n{run}");
            foreach (var line in errors)
            {
                Assert.True(line.StartsWith("modelgate: ", StringComparison.Ordinal) || line.StartsWith("Run 'dotnet modelgate --help'", StringComparison.Ordinal),
                    $"{name}: a message spans lines or lacks the prefix: {line}");
                Assert.True(line.Length < 1200, $"{name}: a message of {line.Length} characters");
            }
        }

        var annotations = c.Args.Contains("--github-summary-only") || c.Args.Contains("--github");
        ConsoleSafety.AssertInert(name, run.Out, annotations);
        ConsoleSafety.AssertInert(name, run.Error);
        Secrets.AssertNotLeaked(name, [run.Out, run.Error, .. RunnerFiles(w)], w.OutDir);
        c.Also?.Invoke(w, run);
    }

    private static IEnumerable<string> RunnerFiles(Workspace w) =>
        new[] { "step-summary.md", "github-output.txt" }.Select(w.File).Where(File.Exists).Select(File.ReadAllText);
}
