using System.Reflection;
using System.Text;

namespace ModelGate.Reports.Tests;

/// <summary>
/// Golden files: the rendered report must equal the committed file byte for byte. With MODELGATE_UPDATE_GOLDEN=1 the
/// file is rewritten instead, and the test fails saying so, so that an update is never mistaken for a pass.
/// </summary>
internal static class Golden
{
    public static string RepoRoot { get; } = typeof(Golden).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ModelGateRepoRoot").Value!;

    public static string Folder { get; } = Path.Combine(RepoRoot, "tests", "ModelGate.Reports.Tests", "golden");

    public static void Verify(string fileName, string actual)
    {
        var path = Path.Combine(Folder, fileName);
        var actualBytes = new UTF8Encoding(false).GetBytes(actual);
        if (Environment.GetEnvironmentVariable("MODELGATE_UPDATE_GOLDEN") == "1")
        {
            var unchanged = File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(actualBytes);
            if (!unchanged)
            {
                Directory.CreateDirectory(Folder);
                File.WriteAllBytes(path, actualBytes);
                Assert.Fail($"Updated golden file {path}; review the diff, then run again without MODELGATE_UPDATE_GOLDEN.");
            }

            return;
        }

        Assert.True(File.Exists(path), $"Missing golden file {path}; run the tests with MODELGATE_UPDATE_GOLDEN=1 to create it, then review it.");
        var expected = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(actualBytes))
        {
            Assert.Fail($"{fileName} differs from the golden file: {FirstDifference(Encoding.UTF8.GetString(expected), actual)}. Run with MODELGATE_UPDATE_GOLDEN=1 to accept the change and review the diff.");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (el != al)
            {
                return $"line {i + 1}: expected «{el}» but got «{al}»";
            }
        }

        return "same lines, different bytes";
    }
}
