namespace ModelGate.Policy.Tests;

/// <summary>Things that load but probably do not say what the author meant: reported as located warnings.</summary>
public sealed class WarningTests
{
    private const string NoBaseline = """
        version: 1
        task: binary
        models:
          candidate: c.onnx
        data:
          holdout: h.csv
          label: y

        """;

    [Fact]
    public void A_change_check_without_a_baseline_loads_with_a_warning_that_it_will_be_skipped()
    {
        using var t = new TestPolicies();
        var result = t.Load(NoBaseline + "checks:\n  - metric: roc_auc\n    at_least: 0.8\n    max_drop: 0.01\n");
        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((9, 5), (warning.Location.Line, warning.Location.Column));
        Assert.Equal("check 'roc_auc' compares with the baseline ('max_drop'), but models.baseline is not set; that comparison will be reported as skipped; add models.baseline or remove 'max_drop'", warning.Message);
        Assert.EndsWith(":9:5: warning: " + warning.Message, warning.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- metric: roc_auc\n    max_drop: 0", "max_drop")]
    [InlineData("- metric: log_loss\n    max_relative_increase: 0.0", "max_relative_increase")]
    [InlineData("- calibration: { metric: ece, max_increase: 0 }", "max_increase")]
    public void A_zero_change_bound_warns_that_no_holdout_can_confirm_it(string check, string key)
    {
        using var t = new TestPolicies();
        var result = t.Load(NoBaseline.Replace("candidate: c.onnx", "candidate: c.onnx\n  baseline: b.onnx", StringComparison.Ordinal) + "checks:\n  " + check + "\n");
        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains($"'{key}: 0' is smaller than the smallest change any holdout can detect", warning.Message, StringComparison.Ordinal);
        Assert.Contains("statistics.likely_regression: warning", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_nonzero_change_bound_does_not_warn()
    {
        using var t = new TestPolicies();
        var result = t.Load(NoBaseline.Replace("candidate: c.onnx", "candidate: c.onnx\n  baseline: b.onnx", StringComparison.Ordinal) + "checks:\n  - metric: roc_auc\n    max_drop: 0.001\n");
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_safety_flip_budget_without_a_baseline_warns_too()
    {
        using var t = new TestPolicies();
        var result = t.Load(NoBaseline + "checks:\n  - safety:\n      name: minors\n      where: age < 18\n      negative_flips: { at_most: 0 }\n");
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("check 'safety.minors' compares with the baseline ('negative_flips'), but models.baseline is not set; that comparison will be reported as skipped; add models.baseline or remove 'negative_flips'", warning.Message);
    }

    [Fact]
    public void An_expired_waiver_loads_attached_to_its_check_with_a_warning_naming_the_line()
    {
        using var t = new TestPolicies();
        var result = t.Load(NoBaseline + "checks:\n  - metric: accuracy\n    at_least: 0.8\nwaivers:\n  - check: accuracy\n    reason: known drift\n    owner: \"@ml\"\n    expires: 2026-10-01\n");
        var policy = result.GetPolicyOrThrow();
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((15, 14), (warning.Location.Line, warning.Location.Column));
        Assert.Equal("the waiver for 'accuracy' expired on 2026-10-01 (today is 2026-11-22); the check is judged without it and the report says the waiver expired; renew 'expires' or remove the waiver", warning.Message);
        var waiver = policy.Checks[0].Waiver!;
        Assert.False(waiver.AppliesOn(TestPolicies.Today));
        Assert.Equal(12, waiver.Location!.Line);
    }

    [Fact]
    public void A_waiver_expiring_today_still_applies_and_does_not_warn()
    {
        using var t = new TestPolicies();
        var result = t.Load(NoBaseline + "checks:\n  - metric: accuracy\n    at_least: 0.8\nwaivers:\n  - { check: accuracy, reason: r, owner: o, expires: 2026-11-22 }\n");
        Assert.Empty(result.Diagnostics);
        Assert.True(result.GetPolicyOrThrow().Checks[0].Waiver!.AppliesOn(TestPolicies.Today));
    }

    [Fact]
    public void A_bound_that_always_holds_warns()
    {
        using var t = new TestPolicies();
        var result = t.Load(NoBaseline + "checks:\n  - metric: accuracy\n    at_least: 0\n");
        var warning = Assert.Single(result.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal("'at_least: 0' always holds: accuracy lies between 0 and 1; raise it or remove it", warning.Message);
    }

    [Fact]
    public void A_test_without_a_change_bound_warns()
    {
        using var t = new TestPolicies();
        var result = t.Load(NoBaseline + "checks:\n  - metric: accuracy\n    at_least: 0.7\n    test: mcnemar\n");
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((11, 11), (warning.Location.Line, warning.Location.Column));
        Assert.Equal("'test' only affects change bounds (max_drop, max_increase, ...), and this check has none; remove it or add a change bound", warning.Message);
    }
}
