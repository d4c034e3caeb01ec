using System.Globalization;
using System.Text.Json;
using ModelGate.Core.Drift;
using ModelGate.Core.Evaluation;

namespace ModelGate.Core.Tests;

/// <summary>Leakage findings against pandas / scikit-learn values written by reference/make_drift_reference.py.</summary>
public class LeakageTests
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Path("tests", "ModelGate.Core.Tests", "reference", "drift_reference.json"))).RootElement);

    [Theory]
    [InlineData("arrests")]
    [InlineData("breast_cancer")]
    public void Duplicates_conflicts_and_label_proxies_match_the_reference(string name)
    {
        var c = Reference.Value.GetProperty("leakage").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var numeric = ReferenceData.Strings(c.GetProperty("numeric")).ToHashSet(StringComparer.Ordinal);
        var sample = Sample(name, ReferenceData.Strings(c.GetProperty("features")), c.GetProperty("label").GetString()!, numeric);

        var findings = Leakage.Find(sample, regression: false, proxyBound: null);

        Assert.Equal(c.GetProperty("duplicate_rows").GetInt32(), findings.DuplicateRows);
        Assert.Equal(ReferenceData.Strings(c.GetProperty("duplicate_ids")), findings.DuplicateIds);
        Assert.Equal(c.GetProperty("conflicting_rows").GetInt32(), findings.ConflictingRows);
        Assert.Equal(ReferenceData.Strings(c.GetProperty("conflicting_ids")), findings.ConflictingIds);
        foreach (var proxy in c.GetProperty("proxies").EnumerateObject())
        {
            ReferenceData.Close(proxy.Value.GetDouble(), findings.Proxies.Single(p => p.Feature == proxy.Name).Score, 1e-12, proxy.Name);
        }
    }

    [Fact]
    public void A_copy_of_the_label_is_a_perfect_proxy_and_flagged()
    {
        var sample = Sample("breast_cancer", ["mean_radius"], "target", new HashSet<string>(StringComparer.Ordinal) { "mean_radius", "target" });
        var label = sample.Label with { Name = "target_copy" };
        var findings = Leakage.Find(sample with { Features = [sample.Features[0], label] }, regression: false, proxyBound: 0.98);
        Assert.Equal(("target_copy", 1.0, true), (findings.Proxies[0].Feature, findings.Proxies[0].Score, findings.Proxies[0].BeyondBound));
        Assert.False(findings.Proxies[1].BeyondBound);
    }

    private static LeakageSample Sample(string name, IReadOnlyList<string> features, string label, HashSet<string> numeric)
    {
        var (trainHeader, train) = Read(name, "train");
        var (holdoutHeader, holdout) = Read(name, "holdout");
        FeatureSample Of(string column)
        {
            var r = train.Select(row => row[Array.IndexOf(trainHeader, column)]).ToArray();
            var h = holdout.Select(row => row[Array.IndexOf(holdoutHeader, column)]).ToArray();
            return numeric.Contains(column)
                ? new FeatureSample(column, [.. r.Select(Number)], [.. h.Select(Number)])
                : new FeatureSample(column, null, null, r, h);
        }

        return new LeakageSample([.. features.Where(f => f != label).Select(Of)], Of(label),
            [.. Enumerable.Range(1, holdout.Length).Select(i => i.ToString(CultureInfo.InvariantCulture))]);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static (string[] Header, string[][] Rows) Read(string name, string part)
    {
        var lines = File.ReadAllLines(RepoPaths.Path("tests", "fixtures", "data", $"{name}.{part}.csv"));
        return (lines[0].Split(','), [.. lines.Skip(1).Select(l => l.Split(','))]);
    }
}
