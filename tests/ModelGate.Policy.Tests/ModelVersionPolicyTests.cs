namespace ModelGate.Policy.Tests;

/// <summary>models.candidate_version and models.baseline_version: the versions the monitoring labels carry.</summary>
public sealed class ModelVersionPolicyTests
{
    // Flow style keeps the policy to the keys that matter here; {0} adds to the models mapping.
    private const string Head = """
        version: 1
        task: binary
        models: { candidate: c.onnx, baseline: b.onnx{0} }
        data: { holdout: h.csv, label: y }
        checks: [ { metric: roc_auc, max_drop: 0.01 } ]
        """;

    [Fact]
    public void Versions_are_read_as_text()
    {
        using var t = new TestPolicies();
        var result = t.Load(Head.Replace("{0}", ", candidate_version: \"2.1.0\", baseline_version: 2.0", StringComparison.Ordinal));
        var models = result.GetPolicyOrThrow().Models;
        Assert.Equal(("2.1.0", "2.0"), (models.CandidateVersion, models.BaselineVersion));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Versions_are_optional()
    {
        using var t = new TestPolicies();
        var models = t.Load(Head.Replace("{0}", string.Empty, StringComparison.Ordinal)).GetPolicyOrThrow().Models;
        Assert.Null(models.CandidateVersion);
        Assert.Null(models.BaselineVersion);
    }

    [Fact]
    public void A_version_that_is_not_a_scalar_is_an_error_with_its_line()
    {
        using var t = new TestPolicies();
        var error = TestPolicies.SingleError(t.Load(Head.Replace("{0}", ", candidate_version: [1, 2]", StringComparison.Ordinal)));
        Assert.Contains("candidate_version", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(":3:", error.ToString(), StringComparison.Ordinal);
    }
}
