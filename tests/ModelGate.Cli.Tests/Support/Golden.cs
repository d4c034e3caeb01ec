using Xunit.Sdk;

namespace ModelGate.Cli.Tests.Support;

/// <summary>
/// Committed expected files, compared byte for byte. With MODELGATE_UPDATE_GOLDEN=1 the files are rewritten from the
/// actual output and the test fails saying so (a rewrite is never a silent pass); review the diff, then commit.
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("MODELGATE_UPDATE_GOLDEN") == "1";

    /// <summary>Compares every actual file with its expected copy; returns the names that differed (rewritten when updating).</summary>
    public static void AssertSame(string expectedFolder, IReadOnlyDictionary<string, byte[]> actual)
    {
        var differing = new List<string>();
        foreach (var (name, bytes) in actual.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(expectedFolder, name);
            var same = File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
            if (same)
            {
                continue;
            }

            differing.Add(name + (File.Exists(path) ? FirstDifference(File.ReadAllBytes(path), bytes) : " (missing)"));
            if (Updating)
            {
                Directory.CreateDirectory(expectedFolder);
                File.WriteAllBytes(path, bytes);
            }
        }

        if (differing.Count == 0)
        {
            return;
        }

        var relative = Path.GetRelativePath(Repo.Root, expectedFolder);
        throw new XunitException(Updating
            ? $"rewrote {relative}: {string.Join("; ", differing)}. Review the diff and commit it; run again without MODELGATE_UPDATE_GOLDEN to pass."
            : $"{relative} differs: {string.Join("; ", differing)}. If the change is intended, run with MODELGATE_UPDATE_GOLDEN=1 and commit the rewritten files.");
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var expectedLines = System.Text.Encoding.UTF8.GetString(expected).Split('\n');
        var actualLines = System.Text.Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end)";
            var a = i < actualLines.Length ? actualLines[i] : "(end)";
            if (e != a)
            {
                return $" (line {i + 1}: expected «{Cut(e)}», actual «{Cut(a)}»)";
            }
        }

        return " (bytes differ)";
    }

    private static string Cut(string line) => line.Length <= 160 ? line : line[..160] + "…";
}
