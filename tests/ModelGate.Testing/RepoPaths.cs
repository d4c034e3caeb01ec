using System.Reflection;

namespace ModelGate.Testing;

/// <summary>Committed files, found from the repository root that tests/Directory.Build.props records at build time.</summary>
public static class RepoPaths
{
    /// <summary>The repository root, without a trailing separator.</summary>
    public static string Root { get; } = Metadata("ModelGateRepoRoot").TrimEnd('/', '\\');

    /// <summary>The ONNX Runtime version every package carries (Directory.Packages.props).</summary>
    public static string OrtVersion { get; } = Metadata("ModelGateOrtVersion");

    /// <summary>The committed examples, by folder name under examples/.</summary>
    public static IReadOnlyList<string> ExampleNames { get; } =
        ["arrests-fairness", "breast-cancer", "digits-calibration", "hmda-safety", "slid-regression", "wine-skl2onnx", "wine-pytorch", "diabetes-regression", "digits-images", "debian-text", "noise-robustness"];

    /// <summary>The examples whose models read images or text (data.images, data.text) rather than numeric columns.</summary>
    public static IReadOnlyList<string> MediaExampleNames { get; } = ["digits-images", "debian-text", "noise-robustness"];

    /// <summary>examples/.</summary>
    public static string Examples => Path("examples");

    /// <summary>tests/fixtures/.</summary>
    public static string Fixtures => Path("tests", "fixtures");

    /// <summary>tests/fixtures/models/.</summary>
    public static string Models => Fixture("models");

    /// <summary>A path below the repository root.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>A path inside one example, e.g. Example("breast-cancer", "modelgate.yml").</summary>
    public static string Example(string name, params string[] parts) => Path(["examples", name, .. parts]);

    /// <summary>A path inside tests/fixtures/.</summary>
    public static string Fixture(params string[] parts) => Path(["tests", "fixtures", .. parts]);

    /// <summary>A fixture model by file stem: tests/fixtures/models/&lt;stem&gt;.onnx.</summary>
    public static string Model(string stem) => System.IO.Path.Combine(Models, stem + ".onnx");

    /// <summary>The built tool next to the CLI project's output (same configuration as these tests).</summary>
    public static string BuiltTool
    {
        get
        {
            var configuration = typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path("src", "ModelGate.Cli", "bin", configuration, "net10.0", OperatingSystem.IsWindows() ? "dotnet-modelgate.exe" : "dotnet-modelgate");
        }
    }

    private static string Metadata(string key) => typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
