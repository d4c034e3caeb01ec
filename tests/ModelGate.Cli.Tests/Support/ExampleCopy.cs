namespace ModelGate.Cli.Tests.Support;

/// <summary>Copies an example (policy, models, data) into a temp folder, so a test can break one file of it.</summary>
internal static class ExampleCopy
{
    public static string Into(TempFolder scratch, string example)
    {
        scratch.CopyFrom(RepoPaths.Example(example), skip: relative => relative.StartsWith("expected", StringComparison.Ordinal));
        return scratch.File("modelgate.yml");
    }
}
