namespace ModelGate.Faults.Tests;

/// <summary>
/// docs/troubleshooting.md lists every catalogue case with its exit code, message and fix exactly as the catalogue
/// (which the CLI is tested against) has them. MODELGATE_UPDATE_GOLDEN=1 rewrites the rows from the catalogue (and
/// fails saying so, like every golden file).
/// </summary>
public sealed class TroubleshootingDocTests
{
    [Fact]
    public void Every_catalogue_case_appears_in_the_troubleshooting_guide_as_the_catalogue_has_it()
    {
        var path = RepoPaths.Path("docs/troubleshooting.md");
        var lines = File.ReadAllLines(path).ToList();
        var doc = string.Join('\n', lines);
        var missing = FaultCatalogue.AllNames.Where(n => !doc.Contains($"`{n}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not in docs/troubleshooting.md: " + string.Join(", ", missing));

        var stale = new List<string>();
        foreach (var c in FaultCatalogue.Cases)
        {
            var index = lines.FindIndex(l => l.StartsWith($"| `{c.Name}` |", StringComparison.Ordinal));
            Assert.True(index >= 0, $"docs/troubleshooting.md has no table row for `{c.Name}`");
            var expected = $"| `{c.Name}` | {c.ExitCode} | {Cell(c.Message)} | {Cell(c.Fix)} |";
            if (lines[index] != expected)
            {
                stale.Add($"{c.Name}:\n  doc:       {lines[index]}\n  catalogue: {expected}");
                lines[index] = expected;
            }
        }

        Assert.True(Golden.Updating || stale.Count == 0, "docs/troubleshooting.md disagrees with the catalogue (MODELGATE_UPDATE_GOLDEN=1 rewrites the rows):\n" + string.Join('\n', stale));
        Golden.AssertSame(path, string.Join('\n', lines) + "\n");
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
