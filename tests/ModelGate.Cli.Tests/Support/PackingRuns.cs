namespace ModelGate.Cli.Tests.Support;

/// <summary>
/// Tests that run <c>dotnet pack</c> on the tool share one Release build folder (src/*/bin/Release, obj/): run in
/// parallel, one pack could ship assemblies another pack built with a different version. They run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackingRuns
{
    /// <summary>The collection's name.</summary>
    public const string Name = "dotnet pack";
}
