using System.Reflection;

namespace ModelGate.Onnx.Tests.Support;

/// <summary>Paths into the repository the tests were built from.</summary>
internal static class Repo
{
    public static string Root { get; } = typeof(Repo).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ModelGateRepoRoot").Value!;

    public static string OrtVersion { get; } = typeof(Repo).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "ModelGateOrtVersion").Value!;

    public static string Models => Path.Combine(Root, "tests", "fixtures", "models");

    public static string Model(string stem) => Path.Combine(Models, stem + ".onnx");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);
}
