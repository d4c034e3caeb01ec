using ModelGate.Reports.Tests.Scenarios;

namespace ModelGate.Reports.Tests;

/// <summary>Colours only when asked; plain text otherwise.</summary>
public sealed class ConsoleReportTests
{
    [Fact]
    public void Plain_text_has_no_escape_codes_and_colours_add_them()
    {
        var s = Scenario.Named("failing");
        var plain = ConsoleReport.Render(s.Result, s.Context, colors: false);
        var coloured = ConsoleReport.Render(s.Result, s.Context, colors: true);

        Assert.DoesNotContain('\u001b', plain);
        Assert.Contains("\u001b[31mFAIL", coloured, StringComparison.Ordinal);
        Assert.StartsWith("ModelGate arrests-release: FAIL — 3 failing, 2 inconclusive, 1 warning", plain, StringComparison.Ordinal);
    }
}
