using System.Text;
using ModelGate.Reports.Files;

namespace ModelGate.Reports.Tests;

/// <summary>Reports are written atomically, and a folder that cannot be written is a typed error that spares the other files.</summary>
public sealed class ReportWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("modelgate-writer-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Writes_utf8_without_bom_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_root, "out", "report.md");
        ReportWriter.Write(path, "## ✅ ModelGate\n");

        Assert.Equal(new UTF8Encoding(false).GetBytes("## ✅ ModelGate\n"), File.ReadAllBytes(path));
        Assert.Equal(["report.md"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Replaces_an_existing_report_whole()
    {
        var path = Path.Combine(_root, "report.json");
        File.WriteAllText(path, new string('x', 10_000));
        ReportWriter.Write(path, "{}\n");

        Assert.Equal("{}\n", File.ReadAllText(path));
    }

    [Fact]
    public void Unwritable_folder_is_a_typed_error_and_other_reports_are_still_written()
    {
        var blocker = Path.Combine(_root, "not-a-folder");
        File.WriteAllText(blocker, "a file where a folder should be");
        var bad = Path.Combine(blocker, "report.html");
        var good = Path.Combine(_root, "report.md");

        var outcome = ReportWriter.WriteAll([new ReportFile(bad, "<html>"), new ReportFile(good, "ok")]);

        Assert.Equal([good], outcome.Written);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(bad, failure.Path);
        Assert.StartsWith(bad + ": cannot write the report:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", failure.Message, StringComparison.Ordinal);
        Assert.Equal("ok", File.ReadAllText(good));
        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public void The_standard_set_is_written_whole()
    {
        var s = Scenarios.Scenario.Named("failing");
        var folder = Path.Combine(_root, "reports");

        var outcome = ReportWriter.WriteAll(ReportSet.Create(s.Result, s.Context, folder));

        Assert.True(outcome.Succeeded);
        Assert.Equal(
            [ReportSet.JunitName, ReportSet.HtmlName, ReportSet.JsonName, ReportSet.MarkdownName],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(JsonReport.Render(s.Result, s.Context), File.ReadAllText(Path.Combine(folder, ReportSet.JsonName)));
    }

    [Fact]
    public void A_folder_in_place_of_the_file_is_reported()
    {
        var path = Path.Combine(_root, "report.xml");
        Directory.CreateDirectory(path);

        var e = Assert.Throws<ReportWriteException>(() => ReportWriter.Write(path, "<x/>"));
        Assert.Contains("a folder with that name exists", e.Message, StringComparison.Ordinal);
    }
}
