using System.Reflection;

namespace ModelGate.Cli.Tests.Support;

/// <summary>Committed files, found from the repository root recorded at build time.</summary>
internal static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ModelGateRepoRoot").Value!.TrimEnd('/', '\\');

    public static string OrtVersion { get; } = typeof(Repo).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ModelGateOrtVersion").Value!;

    public static IReadOnlyList<string> Examples { get; } =
        ["arrests-fairness", "breast-cancer", "digits-calibration", "hmda-safety", "slid-regression"];

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Example(string name, params string[] parts) => Path(["examples", name, .. parts]);

    public static string Fixture(params string[] parts) => Path(["tests", "fixtures", .. parts]);

    /// <summary>The built tool next to the CLI project's output (same configuration as these tests).</summary>
    public static string BuiltTool
    {
        get
        {
            var configuration = typeof(Repo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path("src", "ModelGate.Cli", "bin", configuration, "net10.0", OperatingSystem.IsWindows() ? "dotnet-modelgate.exe" : "dotnet-modelgate");
        }
    }
}
