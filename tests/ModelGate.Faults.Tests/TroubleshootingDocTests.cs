using System.Text.RegularExpressions;

namespace ModelGate.Faults.Tests;

/// <summary>
/// docs/troubleshooting.md lists every catalogue case with its exit code, message and fix exactly as the catalogue
/// (which the CLI is tested against) has them. MODELGATE_UPDATE_GOLDEN=1 rewrites the rows from the catalogue (and
/// fails saying so, like every golden file).
/// </summary>
public sealed partial class TroubleshootingDocTests
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

    /// <summary>
    /// The "from the source" tables: each row names a source file that exists, each placeholder is a plain name
    /// (`&lt;key&gt;`, not a C# expression such as `&lt;Suggestions.DidYouMeanch&gt;`).
    /// </summary>
    [Fact]
    public void Source_message_tables_name_real_files_and_plain_placeholders()
    {
        var problems = new List<string>();
        foreach (var line in File.ReadAllLines(RepoPaths.Path("docs/troubleshooting.md")))
        {
            var row = SourceRow().Match(line);
            if (!row.Success)
            {
                continue;
            }

            var file = RepoPaths.Path(Path.Combine("src", row.Groups["source"].Value));
            if (!File.Exists(file))
            {
                problems.Add($"no such source file: {row.Groups["source"].Value}");
                continue;
            }

            var message = row.Groups["message"].Value.Replace("\\|", "|", StringComparison.Ordinal);
            foreach (Match placeholder in Placeholder().Matches(message))
            {
                if (CodeExpression().IsMatch(placeholder.Groups[1].Value))
                {
                    problems.Add($"placeholder {placeholder.Value} is a code expression, not a name: {line}");
                }
            }
        }

        Assert.True(problems.Count == 0, "docs/troubleshooting.md:\n" + string.Join('\n', problems));
    }

    [GeneratedRegex(@"^\| \w+ \| `(?<source>ModelGate\.[^`]+\.cs)` \| (?<message>.*) \|$")]
    private static partial Regex SourceRow();

    [GeneratedRegex(@"<([A-Za-z_][^<>|]*)>")]
    private static partial Regex Placeholder();

    /// <summary>Member access (<c>a.B</c>), a camelCase or PascalCase identifier, a call: what an extractor leaves behind.</summary>
    [GeneratedRegex(@"\w\.[A-Z_]|^[a-z]+[A-Z]\w*$|^[A-Z][a-z]+[A-Z]?\w*$|\(|^_")]
    private static partial Regex CodeExpression();

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
