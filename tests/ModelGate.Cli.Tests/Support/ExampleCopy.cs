namespace ModelGate.Cli.Tests.Support;

/// <summary>Copies an example (policy, models, data) into a scratch folder, so a test can break one file of it.</summary>
public static class ExampleCopy
{
    public static string Into(Scratch scratch, string example)
    {
        var source = Repo.Example(example);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("expected", StringComparison.Ordinal))
            {
                continue;
            }

            var target = scratch.File(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return scratch.File("modelgate.yml");
    }
}
