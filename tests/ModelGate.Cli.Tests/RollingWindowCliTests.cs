using System.Globalization;
using System.Text.Json;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>
/// Rolling windows end to end: the arrests example's real models through ONNX Runtime, the holdout cut by its 'year'
/// column (1997–2002) and by ISO dates, every report format, and a bad date as a one-line error.
/// </summary>
public sealed class RollingWindowCliTests
{
    [Fact]
    public async Task Windows_by_year_are_reported_in_every_format_and_a_planted_drop_in_the_latest_year_fails_the_gate()
    {
        using var scratch = new TempFolder("cli");
        var policy = Policy(scratch, "order_by: year, period: value");
        var lines = await File.ReadAllLinesAsync(scratch.File("data/holdout.csv"));
        var header = lines[0].Split(',');
        int year = Array.IndexOf(header, "year"), label = Array.IndexOf(header, "released");
        await File.WriteAllLinesAsync(scratch.File("data/holdout.csv"), lines.Select((l, i) =>
        {
            var f = l.Split(',');
            if (i > 0 && f[year] == "2001")
            {
                f[label] = f[label] == "1" ? "0" : "1";
            }

            return string.Join(',', f);
        }));

        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "md,json,junit,html"], scratch.Path);

        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString());
        var check = Check(scratch.File("out/report.json"), "rolling_window");
        Assert.Equal("fail", check.GetProperty("verdict").GetString());
        var windows = check.GetProperty("windows");
        Assert.Equal(["1997", "1998", "1999", "2000", "2001", "2002"], windows.GetProperty("windows").EnumerateArray().Select(w => w.GetProperty("name").GetString()));
        Assert.Equal(1568, windows.GetProperty("windows").EnumerateArray().Sum(w => w.GetProperty("support").GetInt32()));
        Assert.True(windows.GetProperty("worstDrop").GetDouble() > 0.5, check.ToString());
        Assert.Contains("### Rolling windows", File.ReadAllText(scratch.File("out/report.md")), StringComparison.Ordinal);
        Assert.Contains("Accuracy by window (rolling_window)", File.ReadAllText(scratch.File("out/report.html")), StringComparison.Ordinal);
        Assert.Contains("rolling_window: Rolling windows: Accuracy by year", File.ReadAllText(scratch.File("out/report.junit.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Iso_dates_are_cut_by_month_and_a_date_that_is_not_iso_is_a_one_line_error_naming_line_and_column()
    {
        using var scratch = new TempFolder("cli");
        var policy = Policy(scratch, "order_by: day, period: month");
        var lines = await File.ReadAllLinesAsync(scratch.File("data/holdout.csv"));
        var start = new DateOnly(2024, 1, 1);
        var dated = lines.Select((l, i) => l + "," + (i == 0 ? "day" : start.AddDays((i - 1) % 90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToArray();
        await File.WriteAllLinesAsync(scratch.File("data/holdout.csv"), dated);

        var good = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out"), "--format", "json"], scratch.Path);

        Assert.True(good.ExitCode == ExitCodes.Passed, good.ToString());
        var windows = Check(scratch.File("out/report.json"), "rolling_window").GetProperty("windows").GetProperty("windows");
        Assert.Equal(["2024-01", "2024-02", "2024-03"], windows.EnumerateArray().Select(w => w.GetProperty("name").GetString()));

        dated[7] = dated[7][..dated[7].LastIndexOf(',')] + ",07/01/2024";
        await File.WriteAllLinesAsync(scratch.File("data/holdout.csv"), dated);
        var bad = await CliHarness.RunAsync(["check", "--policy", policy, "--out", scratch.File("out2"), "--format", "json"], scratch.Path);

        Assert.True(bad.ExitCode == ExitCodes.InputError, bad.ToString());
        var error = Assert.Single(bad.ErrorLines);
        Assert.Contains("line 8, column 'day': the order column's value is not an ISO date", error, StringComparison.Ordinal);
        Assert.Contains("'07/01/2024'", error, StringComparison.Ordinal);
    }

    // The arrests example's models and holdout, its own checks replaced by one rolling-window check.
    private static string Policy(TempFolder scratch, string order)
    {
        var policy = ExampleCopy.Into(scratch, "arrests-fairness");
        var text = File.ReadAllText(policy);
        text = text[..text.IndexOf("checks:", StringComparison.Ordinal)]
            + $"checks:\n  - rolling_window: {{ metric: accuracy, {order}, against: first, latest_drop: {{ at_most: 0.1 }}, worst_drop: {{ at_most: 0.2 }} }}\n";
        File.WriteAllText(policy, text);
        return policy;
    }

    private static JsonElement Check(string report, string id)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        return json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).Clone();
    }
}
