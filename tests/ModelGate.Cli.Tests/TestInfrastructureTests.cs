using System.Xml.Linq;

namespace ModelGate.Cli.Tests;

/// <summary>
/// The test projects share one infrastructure library, tests/ModelGate.Testing: no test project reaches into another
/// one for a helper, and none keeps its own copy of the repository-root lookup.
/// </summary>
public sealed class TestInfrastructureTests
{
    private static readonly string Tests = RepoPaths.Path("tests");

    public static TheoryData<string> ProjectFiles() => new(ProjectFileList());

    [Theory]
    [MemberData(nameof(ProjectFiles))]
    public void No_test_project_references_another_test_project(string file)
    {
        var path = RepoPaths.Path(file);
        var references = XDocument.Load(path).Descendants("ProjectReference")
            .Select(r => r.Attribute("Include")!.Value.Replace("$(MSBuildThisFileDirectory)", string.Empty, StringComparison.Ordinal))
            .Select(include => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include.Replace('\\', '/'))));
        Assert.All(references, reference => Assert.False(IsTestProject(reference),
            $"{file} references the test project {Path.GetRelativePath(RepoPaths.Root, reference)}; move what it needs into tests/ModelGate.Testing."));
    }

    [Fact]
    public void The_project_files_are_found()
    {
        // Guards the theory above against finding nothing (and so proving nothing).
        Assert.Contains(Path.Combine("tests", "ModelGate.Cli.Tests", "ModelGate.Cli.Tests.csproj"), ProjectFileList());
        Assert.True(IsTestProject(Path.Combine(Tests, "ModelGate.GitHub.Tests", "ModelGate.GitHub.Tests.csproj")));
        Assert.False(IsTestProject(Path.Combine(Tests, "ModelGate.Testing", "ModelGate.Testing.csproj")));
    }

    [Fact]
    public void Only_ModelGate_Testing_reads_the_repository_root_from_the_assembly()
    {
        var lookups = Directory.GetFiles(Tests, "*.cs", SearchOption.AllDirectories).Where(IsSource)
            .Where(f => File.ReadAllText(f).Contains("\"ModelGateRepoRoot\"", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f));
        Assert.Equal([Path.Combine("tests", "ModelGate.Testing", "RepoPaths.cs")], lookups);
    }

    /// <summary>The test projects' files and the props file every one of them imports, from the repository root.</summary>
    private static IEnumerable<string> ProjectFileList() =>
        Directory.GetFiles(Tests, "*.csproj", SearchOption.AllDirectories).Where(IsSource).Append(Path.Combine(Tests, "Directory.Build.props"))
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p)).Order(StringComparer.Ordinal);

    /// <summary>Every project under tests/ except the shared library is a test project.</summary>
    private static bool IsTestProject(string csproj) =>
        csproj.EndsWith(".csproj", StringComparison.Ordinal)
        && Path.GetFullPath(csproj).StartsWith(Path.GetFullPath(Tests) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        && Path.GetFileNameWithoutExtension(csproj) != "ModelGate.Testing";

    /// <summary>Committed files, not build output.</summary>
    private static bool IsSource(string path)
    {
        var parts = Path.GetRelativePath(Tests, path).Split(Path.DirectorySeparatorChar);
        return !parts.Contains("bin") && !parts.Contains("obj");
    }
}
