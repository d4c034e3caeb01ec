using ModelGate.Core.Plan;

namespace ModelGate.Policy.Tests;

/// <summary>extends: deep-merged maps, checks and waivers replaced by id or appended, paths relative to their own file, cycles and missing bases located.</summary>
public sealed class ExtendsTests
{
    private const string Base = """
        version: 1
        task: binary
        models:
          candidate: models/org-candidate.onnx
          baseline: models/org-baseline.onnx
        data:
          holdout: data/holdout.csv
          train: data/train.csv
          label: released
        statistics:
          confidence: 0.9
          resamples: 2000
        checks:
          - metric: roc_auc
            at_least: 0.7
          - id: auc_vs_baseline
            metric: roc_auc
            max_drop: 0.02
        waivers:
          - { check: roc_auc, reason: base reason, owner: "@org", expires: 2026-12-31 }
        """;

    [Fact]
    public void Later_values_override_and_maps_merge_key_by_key()
    {
        using var t = new TestPolicies();
        t.Write("org/base.yml", Base);
        var path = t.Write("team/modelgate.yml", """
            version: 1
            extends: ../org/base.yml
            models:
              candidate: candidate.onnx
            statistics:
              confidence: 0.95
            checks:
              - id: auc_vs_baseline
                metric: roc_auc
                max_drop: 0.0
              - metric: accuracy
                at_least: 0.8
            """);
        var policy = TestPolicies.LoadValid(path);
        Assert.Equal([Path.Combine(t.Folder, "org", "base.yml"), path], policy.Sources);
        Assert.Equal(Path.Combine(t.Folder, "team", "candidate.onnx"), policy.Models.Candidate);
        Assert.Equal(Path.Combine(t.Folder, "org", "models", "org-baseline.onnx"), policy.Models.Baseline);
        Assert.Equal(Path.Combine(t.Folder, "org", "data", "train.csv"), policy.Data.Train);
        Assert.Equal((0.95, 2000), (policy.Statistics.Confidence, policy.Statistics.Resamples));
        Assert.Equal(["roc_auc", "auc_vs_baseline", "accuracy"], policy.Checks.Select(c => c.Id));
        Assert.Equal(0.0, ((MetricCheckSpec)policy.Checks[1]).Change.MaxDrop);
        Assert.Equal(path, policy.Checks[1].Location!.File);
        Assert.Equal("base reason", policy.Checks[0].Waiver!.Reason);
    }

    [Fact]
    public void A_waiver_with_the_same_check_replaces_the_base_one_and_null_unsets_a_value()
    {
        using var t = new TestPolicies();
        t.Write("base.yml", Base);
        var path = t.Write("modelgate.yml", """
            version: 1
            extends: base.yml
            models:
              baseline: null
            checks:
              - id: auc_vs_baseline
                metric: roc_auc
                at_least: 0.75
            waivers:
              - { check: roc_auc, reason: team reason, owner: "@team", expires: 2027-01-15 }
            """);
        var result = PolicyLoader.Load(path, TestPolicies.Today);
        var policy = result.GetPolicyOrThrow();
        Assert.Null(policy.Models.Baseline);
        var waiver = Assert.Single(policy.Waivers);
        Assert.Equal(("team reason", new DateOnly(2027, 1, 15)), (waiver.Waiver.Reason, waiver.Waiver.Expires));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_chain_of_three_files_applies_in_order()
    {
        using var t = new TestPolicies();
        t.Write("a/org.yml", Base);
        t.Write("b/group.yml", "version: 1\nextends: ../a/org.yml\nstatistics:\n  resamples: 500\n  seed: 7\n");
        var path = t.Write("c/modelgate.yml", "version: 1\nextends: ../b/group.yml\nstatistics:\n  seed: 8\n");
        var policy = TestPolicies.LoadValid(path);
        Assert.Equal((0.9, 500, 8UL), (policy.Statistics.Confidence, policy.Statistics.Resamples, policy.Statistics.Seed));
        Assert.Equal(3, policy.Sources.Count);
    }

    [Fact]
    public void A_cycle_is_an_error_at_the_extends_line_that_closes_it()
    {
        using var t = new TestPolicies();
        t.Write("b.yml", "version: 1\nextends: a.yml\n");
        var a = t.Write("a.yml", "version: 1\nextends: b.yml\ntask: binary\n");
        var error = TestPolicies.SingleError(PolicyLoader.Load(a, TestPolicies.Today));
        Assert.Equal(Path.Combine(t.Folder, "b.yml"), error.Location.File);
        Assert.Equal((2, 10), (error.Location.Line, error.Location.Column));
        Assert.Equal("extends cycle: a.yml -> b.yml -> a.yml; a policy cannot extend itself, directly or through others; remove one 'extends'", error.Message);
    }

    [Fact]
    public void A_missing_base_file_is_an_error_at_the_extends_value()
    {
        using var t = new TestPolicies();
        var result = t.Load("version: 1\nextends: ../org/missing.yml\ntask: binary\n", Path.Combine("team", "modelgate.yml"));
        var error = TestPolicies.SingleError(result);
        Assert.Equal((2, 10), (error.Location.Line, error.Location.Column));
        var looked = Path.GetFullPath(Path.Combine(t.Folder, "org", "missing.yml"));
        Assert.Equal($"extends: base policy '../org/missing.yml' not found (looked for {looked}); the path is relative to the extending file's folder", error.Message);
    }

    [Fact]
    public void An_error_in_the_base_names_the_base_file()
    {
        using var t = new TestPolicies();
        t.Write("base.yml", Base.Replace("  resamples: 2000", "  resampels: 2000", StringComparison.Ordinal));
        var error = TestPolicies.SingleError(t.Load("version: 1\nextends: base.yml\n"));
        Assert.Equal(Path.Combine(t.Folder, "base.yml"), error.Location.File);
        Assert.Equal((12, 3), (error.Location.Line, error.Location.Column));
        Assert.StartsWith("unknown key 'resampels' in statistics; did you mean 'resamples'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_file_in_the_chain_needs_version_1()
    {
        using var t = new TestPolicies();
        t.Write("base.yml", Base.Replace("version: 1\n", string.Empty, StringComparison.Ordinal));
        var error = TestPolicies.SingleError(t.Load("version: 1\nextends: base.yml\n"));
        Assert.Equal(Path.Combine(t.Folder, "base.yml"), error.Location.File);
        Assert.Equal("the policy needs 'version: 1' (the policy format version) as its first key", error.Message);
    }
}
