using ModelGate.Core;
using ModelGate.Core.Plan;
using ModelGate.Policy.Model;

namespace ModelGate.Policy.Tests;

/// <summary>The policy keys of the fail-closed rules: max_invalid_rows, optional checks, likely_regression, uncomputable, scores: auto.</summary>
public sealed class FailClosedPolicyTests
{
    private const string Head = """
        version: 1
        task: binary
        models:
          candidate: c.onnx
          baseline: b.onnx
        {0}
        data:
          holdout: h.csv
          label: y
        {1}
        checks:
          - metric: roc_auc
            max_drop: 0.01
          - metric: accuracy
            optional: true
            at_least: 0.8
          - calibration: { metric: ece, at_most: 0.1, optional: true }
        """;

    private static string Policy(string models = "", string statistics = "") =>
        Head.Replace("{0}", models, StringComparison.Ordinal).Replace("{1}", statistics, StringComparison.Ordinal);

    [Fact]
    public void Defaults_fail_closed()
    {
        using var t = new TestPolicies();
        var plan = t.Load(Policy()).GetPolicyOrThrow().ToGatePlan();
        Assert.Equal(0, plan.MaxInvalidRows);
        Assert.Equal(Severity.Error, plan.Statistics.LikelyRegression);
        Assert.Equal(Severity.Error, plan.Statistics.Uncomputable);
        Assert.Equal(Severity.Warning, plan.Statistics.InconclusiveSeverity);
        Assert.Equal([false, true, true], plan.Checks.Select(c => c.Optional));
    }

    [Fact]
    public void The_keys_are_read_and_printed()
    {
        using var t = new TestPolicies();
        var policy = t.Load(Policy("  max_invalid_rows: 3\n  scores: auto", "statistics:\n  likely_regression: warning\n  uncomputable: warning")).GetPolicyOrThrow();
        var plan = policy.ToGatePlan();
        Assert.Equal(3, plan.MaxInvalidRows);
        Assert.Equal(ScoresKind.Auto, policy.Models.Scores);
        Assert.Equal(Severity.Warning, plan.Statistics.LikelyRegression);
        Assert.Equal(Severity.Warning, plan.Statistics.Uncomputable);
        var yaml = policy.ToYaml();
        Assert.Contains("max_invalid_rows: 3", yaml, StringComparison.Ordinal);
        Assert.Contains("likely_regression: warning", yaml, StringComparison.Ordinal);
        Assert.Contains("optional: true", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  max_invalid_rows: -1", "", "max_invalid_rows")]
    [InlineData("", "statistics:\n  likely_regression: sometimes", "likely_regression")]
    public void Bad_values_are_located_errors(string models, string statistics, string key)
    {
        using var t = new TestPolicies();
        var error = TestPolicies.SingleError(t.Load(Policy(models, statistics)));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.True(error.Location.Line > 0);
    }
}
