using ModelGate.Policy.Diagnostics;

namespace ModelGate.Policy.Tests;

/// <summary>Writes policies into a fresh temporary folder and loads them.</summary>
internal sealed class TestPolicies : IDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 22);

    private readonly TempFolder _temp = new("policy");

    public TestPolicies()
    {
        // The folder stands for a repository: policies in sub-folders may extend "../org/base.yml" inside it.
        Directory.CreateDirectory(_temp.File(".git"));
    }

    public string Folder => _temp.Path;

    public static string PoliciesFolder => RepoPaths.Path("tests", "ModelGate.Policy.Tests", "Policies");

    public string Write(string relativePath, string text) => _temp.Write(relativePath, text.ReplaceLineEndings("\n"));

    public PolicyLoadResult Load(string text, string name = "modelgate.yml") => PolicyLoader.Load(Write(name, text), Today);

    public static Model.GatePolicy LoadValid(string path)
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

    public void Dispose() => _temp.Dispose();
}
