using ModelGate.Core.Metrics;

namespace ModelGate.Core.Tests;

public class ReferenceMetricTests
{
    public static IEnumerable<object[]> Metrics => ReferenceData.CaseMetrics();

    [Theory]
    [MemberData(nameof(Metrics))]
    public void Metric_matches_scikit_learn_or_the_textbook_definition(string caseName, string metric)
    {
        var c = ReferenceData.Case(caseName);
        var expected = c.GetProperty("expected").GetProperty(metric).GetDouble();
        var value = Metric.Compute(metric, ReferenceData.Model(c), ReferenceData.WeightsOf(c), ReferenceData.Root.GetProperty("bins").GetInt32());
        Assert.True(value.IsDefined, value.UndefinedReason);
        ReferenceData.Close(expected, value.Value, what: $"{caseName} {metric}");
    }

    [Fact]
    public void Every_catalog_metric_is_covered_by_a_reference_case()
    {
        var covered = ReferenceData.Cases.SelectMany(c => c.GetProperty("expected").EnumerateObject().Select(m => m.Name)).ToHashSet(StringComparer.Ordinal);
        var missing = MetricCatalog.All.Select(m => m.Id).Where(id => !covered.Contains(id)).ToList();
        Assert.Empty(missing);
    }
}
