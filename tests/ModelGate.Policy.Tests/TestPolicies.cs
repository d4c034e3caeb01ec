using System.Reflection;
using ModelGate.Policy.Diagnostics;

namespace ModelGate.Policy.Tests;

/// <summary>Writes policies into a fresh temporary folder and loads them.</summary>
public sealed class TestPolicies : IDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    public TestPolicies()
    {
        Folder = Path.Combine(Path.GetTempPath(), "modelgate-policy-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);

        // The folder stands for a repository: policies in sub-folders may extend "../org/base.yml" inside it.
        Directory.CreateDirectory(Path.Combine(Folder, ".git"));
    }

    public string Folder { get; }

    public static string RepoRoot { get; } = typeof(TestPolicies).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ModelGateRepoRoot").Value!;

    public static string PoliciesFolder => Path.Combine(RepoRoot, "tests", "ModelGate.Policy.Tests", "Policies");

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public PolicyLoadResult Load(string text, string name = "modelgate.yml") => PolicyLoader.Load(Write(name, text), Today);

    public static Model.Policy LoadValid(string path)
    {
        var result = PolicyLoader.Load(path, Today);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Policy!;
    }

    public static PolicyDiagnostic SingleError(PolicyLoadResult result)
    {
        Assert.False(result.Succeeded);
        Assert.True(result.Errors.Count == 1, "expected one error, got:\n" + string.Join("\n", result.Errors));
        return result.Errors[0];
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
