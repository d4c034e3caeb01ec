using System.Text;
using Xunit.Sdk;

namespace ModelGate.Testing;

/// <summary>
/// Committed expected files, compared byte for byte. A missing expected file fails, and so does an expected file in a
/// compared folder that the run no longer writes. With MODELGATE_UPDATE_GOLDEN=1 the files are rewritten (and stale
/// ones deleted) from the actual output and the test fails saying so, so a rewrite is never a silent pass; review the
/// diff, then commit. An unchanged file passes in either mode.
/// </summary>
public static class Golden
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static bool Updating => Environment.GetEnvironmentVariable("MODELGATE_UPDATE_GOLDEN") == "1";

    /// <summary>Compares one text (as UTF-8 without a byte-order mark) with the committed file at <paramref name="expectedPath"/>.</summary>
    public static void AssertSame(string expectedPath, string actual) =>
        Compare(Path.GetDirectoryName(expectedPath)!, new Dictionary<string, byte[]>(StringComparer.Ordinal) { [Path.GetFileName(expectedPath)] = Utf8.GetBytes(actual) }, wholeFolder: false);

    /// <summary>
    /// Compares every actual file with its expected copy in <paramref name="expectedFolder"/>, which holds exactly these
    /// files: one there that is not in <paramref name="actual"/> fails as stale. Reports every difference at once.
    /// </summary>
    public static void AssertSameFolder(string expectedFolder, IReadOnlyDictionary<string, byte[]> actual) =>
        Compare(expectedFolder, actual, wholeFolder: true);

    private static void Compare(string expectedFolder, IReadOnlyDictionary<string, byte[]> actual, bool wholeFolder)
    {
        var differing = new List<string>();
        foreach (var (name, bytes) in actual.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(expectedFolder, name);
            var expected = File.Exists(path) ? File.ReadAllBytes(path) : null;
            if (expected is not null && expected.AsSpan().SequenceEqual(bytes))
            {
                continue;
            }

            differing.Add(name + (expected is null ? " (missing)" : FirstDifference(expected, bytes)));
            if (Updating)
            {
                Directory.CreateDirectory(expectedFolder);
                File.WriteAllBytes(path, bytes);
            }
        }

        if (wholeFolder && Directory.Exists(expectedFolder))
        {
            foreach (var path in Directory.GetFiles(expectedFolder).Order(StringComparer.Ordinal))
            {
                if (!actual.ContainsKey(Path.GetFileName(path)))
                {
                    differing.Add(Path.GetFileName(path) + " (stale: the run no longer writes it)");
                    if (Updating)
                    {
                        File.Delete(path);
                    }
                }
            }
        }

        if (differing.Count == 0)
        {
            return;
        }

        var relative = Path.GetRelativePath(RepoPaths.Root, expectedFolder);
        throw new XunitException(Updating
            ? $"rewrote {relative}: {string.Join("; ", differing)}. Review the diff and commit it; run again without MODELGATE_UPDATE_GOLDEN to pass."
            : $"{relative} differs: {string.Join("; ", differing)}. If the change is intended, run with MODELGATE_UPDATE_GOLDEN=1 and commit the rewritten files.");
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var expectedLines = Encoding.UTF8.GetString(expected).Split('\n');
        var actualLines = Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var a = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (e != a)
            {
                return $" (line {i + 1}: expected «{Cut(e)}», actual «{Cut(a)}»)";
            }
        }

        // Same text, different bytes (a byte-order mark, invalid UTF-8): say where.
        var at = expected.AsSpan().CommonPrefixLength(actual);
        return $" (same lines, bytes differ at offset {at}: {expected.Length} bytes expected, {actual.Length} actual)";
    }

    private static string Cut(string line) => line.Length <= 160 ? line : line[..160] + "…";
}
