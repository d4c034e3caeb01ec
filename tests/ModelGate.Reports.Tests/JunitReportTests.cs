using System.Xml.Linq;
using ModelGate.Reports.Tests.Scenarios;

namespace ModelGate.Reports.Tests;

/// <summary>JUnit XML: one testcase per check; failures, skips and waivers mapped as CI test tabs expect.</summary>
public sealed class JunitReportTests
{
    [Fact]
    public void One_testcase_per_check_with_required_attributes()
    {
        var s = Scenario.Named("failing");
        var doc = XDocument.Parse(JunitReport.Render(s.Result, s.Context));
        var cases = doc.Descendants("testcase").ToList();

        Assert.Single(doc.Descendants("testsuite"));
        Assert.Equal(s.Result.Checks.Count, cases.Count);
        Assert.All(cases, c =>
        {
            Assert.NotNull(c.Attribute("classname"));
            Assert.NotNull(c.Attribute("name"));
            Assert.NotNull(c.Attribute("time"));
        });
        var suite = doc.Descendants("testsuite").Single();
        Assert.Equal(cases.Count(c => c.Element("failure") is not null).ToString(System.Globalization.CultureInfo.InvariantCulture), suite.Attribute("failures")!.Value);
        Assert.Equal(cases.Count(c => c.Element("skipped") is not null).ToString(System.Globalization.CultureInfo.InvariantCulture), suite.Attribute("skipped")!.Value);
    }

    [Fact]
    public void Verdicts_map_to_failure_skipped_and_passing()
    {
        var s = Scenario.Named("waivers");
        var doc = XDocument.Parse(JunitReport.Render(s.Result, s.Context));
        XElement Case(string id) => doc.Descendants("testcase").Single(c => c.Attribute("name")!.Value.StartsWith(id + ":", StringComparison.Ordinal));

        Assert.NotNull(Case("latency.p95").Element("failure"));
        Assert.NotNull(Case("roc_auc").Element("skipped"));
        Assert.Null(Case("calibration.ece").Element("failure"));
        Assert.Null(Case("calibration.ece").Element("skipped"));
        Assert.Contains("waived by @ml-risk until 2026-12-31", Case("calibration.ece").Element("system-out")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Blocking_inconclusive_is_a_failure()
    {
        var s = Scenario.Named("waivers");
        var checks = s.Result.Checks.Select(c => c.Spec.Id == "roc_auc" ? c with { Blocks = true } : c).ToList();
        var doc = XDocument.Parse(JunitReport.Render(s.Result with { Checks = checks }, s.Context));

        Assert.NotNull(doc.Descendants("testcase").Single(c => c.Attribute("name")!.Value.StartsWith("roc_auc:", StringComparison.Ordinal)).Element("failure"));
    }

    [Fact]
    public void Markup_and_control_characters_in_reasons_are_escaped()
    {
        var s = Scenario.Named("failing");
        var checks = s.Result.Checks.Select((c, i) => i == 0 ? c with { Reason = "a <b> & \"c\" \u0001 ]]>" } : c).ToList();
        var xml = JunitReport.Render(s.Result with { Checks = checks }, s.Context);
        var failure = XDocument.Parse(xml).Descendants("failure").First();

        Assert.Equal("a <b> & \"c\" \uFFFD ]]>", failure.Attribute("message")!.Value);
    }
}
