using System.Reflection;

namespace ModelGate.Data.Tests;

/// <summary>Finds committed test data from the repository root recorded at build time.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ModelGateRepoRoot").Value!;

    public static string Datasets => Path.Combine(Root, "tests", "ModelGate.Data.Tests", "datasets");
}
