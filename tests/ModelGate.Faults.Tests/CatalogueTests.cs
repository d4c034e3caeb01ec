namespace ModelGate.Faults.Tests;

/// <summary>Runs every catalogue case through the CLI in-process.</summary>
public sealed class CatalogueTests
{
    [Fact]
    public void The_catalogue_has_at_least_40_cases_with_unique_names()
    {
        var names = FaultCatalogue.AllNames.ToList();
        Assert.True(names.Count >= 40, $"{names.Count} cases");
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(FaultCatalogue.Names), MemberType = typeof(FaultCatalogue))]
    public async Task Case(string name)
    {
        var c = FaultCatalogue.Cases.Single(x => x.Name == name);
        using var w = new Workspace();
        c.Break(w);
        string[] args = c.WholeCommand ?? ["check", "--policy", "modelgate.yml", "--out", "out", .. c.Args];
        var run = await w.RunAsync(null, CancellationToken.None, args);

        Assert.True(c.ExitCode == run.ExitCode, $"{name}: expected exit {c.ExitCode}\n{run}");
        var where = MessagePlaces.Text(c.Stream, run, w);
        Assert.True(where.Contains(c.Message, StringComparison.Ordinal), $"{name}: message not found: {c.Message}\n{run}");

        StackTraces.AssertNone(run.Error);
        StackTraces.AssertNone(run.Out);
        foreach (var line in run.ErrorLines)
        {
            // Every error is one line that says it comes from ModelGate (usage errors add a pointer to --help).
            Assert.True(line.StartsWith("modelgate: ", StringComparison.Ordinal) || line.StartsWith("Run 'dotnet modelgate --help'", StringComparison.Ordinal),
                $"{name}: a message spans lines or lacks the prefix: {line}");
        }

        if (c.ExitCode >= 2 && c.ExitCode != 4)
        {
            Assert.Contains("modelgate: ", run.Error, StringComparison.Ordinal);
        }

        if (c.Reports.Length == 0 && c.WholeCommand is null)
        {
            // Nothing was computed, so nothing may look like a report.
            Assert.Empty(ReportFiles.In(w.OutDir));
        }

        foreach (var report in c.Reports)
        {
            ReportFiles.AssertComplete(Path.Combine(w.OutDir, report));
        }

        Assert.DoesNotContain(ReportFiles.In(w.OutDir), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        c.Also?.Invoke(w, run);
    }
}
