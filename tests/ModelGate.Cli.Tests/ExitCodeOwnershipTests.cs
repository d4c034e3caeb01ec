using System.Text.RegularExpressions;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>
/// Exit codes belong to the CLI alone: the libraries raise errors with a category (or, for ModelGate.GitHub, by type)
/// and the CLI's table decides the number. A library that grows an <c>ExitCode</c> member, or promises "exit 3" in
/// its comments, starts a second table; this test names the file and line.
/// </summary>
public sealed partial class ExitCodeOwnershipTests
{
    /// <summary>Every project under src/ except the CLI (ModelGate.Engine included once it exists).</summary>
    public static IEnumerable<string> Libraries() =>
        Directory.EnumerateDirectories(RepoPaths.Path("src"), "ModelGate.*")
            .Select(Path.GetFileName)
            .Where(name => name != "ModelGate.Cli")
            .Order(StringComparer.Ordinal)!;

    [Fact]
    public void No_library_carries_an_exit_code()
    {
        var libraries = Libraries().ToList();
        Assert.Superset(
            new HashSet<string>(["ModelGate.Core", "ModelGate.Data", "ModelGate.Onnx", "ModelGate.Policy", "ModelGate.Reports", "ModelGate.GitHub", "ModelGate.Monitoring"]),
            libraries.ToHashSet());

        var offences = new List<string>();
        foreach (var library in libraries)
        {
            var root = RepoPaths.Path("src", library);
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
                if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (ExitCodeMember().IsMatch(lines[i]) || ExitNumber().IsMatch(lines[i]))
                    {
                        offences.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }

        Assert.True(offences.Count == 0,
            "exit codes are decided only by the CLI's table (src/ModelGate.Cli/ErrorCategories.cs); raise a ModelGateException with a category instead:\n"
            + string.Join('\n', offences));
    }

    [Theory]
    [InlineData("    public const int ExitCode = 4;", true)]
    [InlineData("    public override int ExitCode => 3;", true)]
    [InlineData("    public const int ExitCodeCategory = 2;", true)]
    [InlineData("    public int ExitCodeFor(int gate) => gate;", true)]
    [InlineData("/// <summary>An input data error (exit code 3).</summary>", true)]
    [InlineData("/// values that are not probabilities stop the run (exit 3).", true)]
    [InlineData("    public override ErrorCategory Category => ErrorCategory.InputData;", false)]
    [InlineData("/// the CLI maps it to an exit code.", false)]
    public void The_search_finds_numbers_and_members_but_not_categories(string line, bool offends) =>
        Assert.Equal(offends, ExitCodeMember().IsMatch(line) || ExitNumber().IsMatch(line));

    // A member or constant named ExitCode..., whatever follows (ExitCodeFor, ExitCodeCategory, InputDataExitCode).
    [GeneratedRegex(@"ExitCode")]
    private static partial Regex ExitCodeMember();

    // A number promised in prose or code: "exit code 4", "exit 3", "exit-code 2".
    [GeneratedRegex(@"\bexit(?:[ -]?codes?)?\s*(?:of\s+)?\(?\d", RegexOptions.IgnoreCase)]
    private static partial Regex ExitNumber();
}
