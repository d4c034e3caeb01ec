using ModelGate.Core;
using ModelGate.Reports.Tests.Scenarios;
using static ModelGate.Reports.Tests.Scenarios.Build;

namespace ModelGate.Reports.Tests;

/// <summary>report.prom: accepted by Prometheus' own parser and linter, escaped against hostile labels, bounded in size.</summary>
public sealed class OpenMetricsReportTests
{
    private static Scenario Hostile()
    {
        var s = Scenario.Named("failing");
        var provenance = s.Context.Provenance! with
        {
            Models = [.. s.Context.Provenance!.Models.Select(m => m with { Version = m.Role == "candidate" ? "v2 \"rc\"" : null })],
        };
        return s with
        {
            Context = s.Context with
            {
                GateKey = "a\\b",
                Provenance = provenance,
                Run = new RunIdentity("o/r", "evil\"} modelgate_gate_passed 1\n# EOF\\", "7", "c0ffee"),
            },
        };
    }

    [InstalledFact(Promtool.Path, "prometheus")]
    public void Every_scenario_passes_promtool_check_metrics()
    {
        foreach (var s in Scenario.All.Append(Hostile()))
        {
            var (exit, output) = Promtool.CheckMetrics(OpenMetricsReport.Render(s.Result, s.Context));
            Assert.True(exit == 0 && output.Length == 0, $"{s.Name}: promtool exit {exit}: {output}");
        }
    }

    [InstalledFact(Promtool.Path, "prometheus")]
    public void Promtool_rejects_what_it_should_so_the_check_above_can_fail()
    {
        var (exit, _) = Promtool.CheckMetrics("# TYPE x gauge\nx{a=\"unterminated} 1\n");
        Assert.NotEqual(0, exit);
        var (lintExit, lint) = Promtool.CheckMetrics("# HELP requests Requests.\n# TYPE requests counter\nrequests 1\n");
        Assert.NotEqual(0, lintExit);
        Assert.Contains("_total", lint, StringComparison.Ordinal);
    }

    [InstalledFact(OpenMetricsParser.Module, "python3-prometheus-client")]
    public void Every_scenario_parses_as_OpenMetrics_1_0_and_a_broken_text_does_not()
    {
        foreach (var s in Scenario.All.Append(Hostile()))
        {
            var text = OpenMetricsReport.Render(s.Result, s.Context);
            var (exit, output) = OpenMetricsParser.Parse(text);
            Assert.True(exit == 0, $"{s.Name}: {output}");
            Assert.Equal(text.Split('\n').Count(l => l.Length > 0 && l[0] != '#').ToString(System.Globalization.CultureInfo.InvariantCulture), output);
        }

        var (missingEof, _) = OpenMetricsParser.Parse("# TYPE x gauge\nx 1\n");
        Assert.NotEqual(0, missingEof);
    }

    [Fact]
    public void Label_values_from_a_pull_request_are_escaped_and_cannot_add_lines()
    {
        var s = Hostile();
        var text = OpenMetricsReport.Render(s.Result, s.Context);
        const string Expected = "modelgate_gate_passed{gate=\"a\\\\b\",repository=\"o/r\",branch=\"evil\\\"} modelgate_gate_passed 1\\n# EOF\\\\\",pr=\"7\",commit=\"c0ffee\","
            + "dataset_sha256=\"fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13\"} 0\n";
        Assert.Contains(Expected, text, StringComparison.Ordinal);
        Assert.Contains("model_version=\"v2 \\\"rc\\\"\"", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), l => l == "# EOF");
        Assert.DoesNotContain(text.Split('\n'), l => l.StartsWith("modelgate_gate_passed 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_ends_with_EOF_and_every_family_has_help_and_type_before_its_samples()
    {
        foreach (var s in Scenario.All)
        {
            var lines = OpenMetricsReport.Render(s.Result, s.Context).Split('\n');
            Assert.Equal(["# EOF", string.Empty], lines[^2..]);
            var typed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in lines.Where(l => l.Length > 0 && l[0] != '#'))
            {
                var name = line[..line.IndexOfAny(['{', ' '])];
                Assert.Contains($"# HELP {name} ", lines.First(l => l.StartsWith($"# HELP {name} ", StringComparison.Ordinal)), StringComparison.Ordinal);
                Assert.Contains($"# TYPE {name} gauge", lines);
                Assert.DoesNotContain("_total", name, StringComparison.Ordinal);
                typed.Add(name);
            }

            Assert.Contains("modelgate_gate_passed", typed);
        }
    }

    [Fact]
    public void Only_the_worst_groups_of_each_slice_are_exported()
    {
        var s = Scenario.Named("failing");
        var many = Enumerable.Range(0, 40).Select(i => Group("region", $"r{i:00}", 100, "recall", Est(0.5 + (i / 100.0)))).ToList();
        var result = s.Result with { Groups = many };
        var lines = OpenMetricsReport.Render(result, s.Context).Split('\n').Where(l => l.StartsWith("modelgate_group_metric{", StringComparison.Ordinal)).ToList();
        Assert.Equal(OpenMetricsReport.WorstGroups, lines.Count);
        Assert.Contains(lines, l => l.Contains("group=\"r00\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("group=\"r05\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Undefined_values_are_left_out_not_exported_as_NaN()
    {
        var s = Scenario.Named("failing");
        var result = s.Result with { Headline = [new("roc_auc", Estimate.Undefined("one class only"), null, null)] };
        var text = OpenMetricsReport.Render(result, s.Context);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("modelgate_metric{", text, StringComparison.Ordinal);
    }
}
