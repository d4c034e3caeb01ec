namespace ModelGate.Faults.Tests.Hostile;

/// <summary>A token planted in the test process's real environment (so /proc/self/environ holds it) and in GITHUB_TOKEN.</summary>
internal static class Secrets
{
    /// <summary>The planted token: it must appear in no output and no file ModelGate writes.</summary>
    public const string Token = "ghs_PLANTEDsecret0123456789abcdefXYZ";

    /// <summary>Plants the token once per process.</summary>
    public static void Plant() => System.Environment.SetEnvironmentVariable("MODELGATE_PLANTED_SECRET", Token);

    /// <summary>Asserts the token is in none of the texts nor any file under the folders.</summary>
    public static void AssertNotLeaked(string caseName, IEnumerable<string> texts, params string[] folders)
    {
        foreach (var text in texts)
        {
            Assert.False(text.Contains(Token, StringComparison.Ordinal), $"{caseName}: the planted secret was printed");
        }

        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var info = new FileInfo(file);
                if (info.LinkTarget is not null || info.Length > 64L << 20)
                {
                    continue;
                }

                Assert.False(File.ReadAllText(file).Contains(Token, StringComparison.Ordinal), $"{caseName}: the planted secret is in {file}");
            }
        }
    }
}
