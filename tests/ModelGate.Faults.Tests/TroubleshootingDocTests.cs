namespace ModelGate.Faults.Tests;

/// <summary>docs/troubleshooting.md lists every catalogue case, with its exit code.</summary>
public sealed class TroubleshootingDocTests
{
    [Fact]
    public void Every_catalogue_case_appears_in_the_troubleshooting_guide()
    {
        var doc = File.ReadAllText(Workspace.Repo("docs/troubleshooting.md"));
        var missing = FaultCatalogue.AllNames.Where(n => !doc.Contains($"`{n}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not in docs/troubleshooting.md: " + string.Join(", ", missing));
        foreach (var c in FaultCatalogue.Cases)
        {
            var row = doc.Split('\n').First(l => l.Contains($"`{c.Name}`", StringComparison.Ordinal));
            Assert.Contains($"| {c.ExitCode} |", row, StringComparison.Ordinal);
        }
    }
}
