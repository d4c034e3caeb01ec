using System.Text.Json;
using System.Xml.Linq;

namespace ModelGate.Faults.Tests;

/// <summary>Asserts a report file is whole: it parses and ends where a finished report ends.</summary>
internal static class ReportFiles
{
    public static void AssertComplete(string path)
    {
        Assert.True(File.Exists(path), $"{path} was not written");
        var text = File.ReadAllText(path);
        Assert.False(string.IsNullOrWhiteSpace(text), $"{path} is empty");
        switch (Path.GetFileName(path))
        {
            case "report.json":
                using (var doc = JsonDocument.Parse(text))
                {
                    Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
                }

                break;
            case "report.junit.xml":
                Assert.Equal("testsuites", XDocument.Parse(text).Root!.Name.LocalName);
                break;
            case "report.html":
                Assert.EndsWith("</html>", text.TrimEnd(), StringComparison.Ordinal);
                break;
            default:
                Assert.Contains("ModelGate", text, StringComparison.Ordinal);
                break;
        }
    }

    /// <summary>Report-looking files in a folder (temp files start with '.' and end in .tmp).</summary>
    public static IReadOnlyList<string> In(string folder) => Directory.Exists(folder)
        ? [.. Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!]
        : [];
}
