namespace ModelGate.Policy.Tests;

/// <summary>Whole-file problems: missing, empty, not a mapping, several documents.</summary>
public sealed class FileLevelTests
{
    [Theory]
    [InlineData("", 1, 1, "the policy file is empty; start it with 'version: 1'")]
    [InlineData("- version: 1\n", 1, 1, "a policy must be a mapping of keys (version, task, models, data, checks, ...), got a list")]
    [InlineData("version: 1\n---\nversion: 1\n", 3, 1, "the file holds more than one YAML document; keep one policy per file and remove the '---' separator")]
    [InlineData("version: 1\nextends: [a.yml, b.yml]\n", 2, 10, "'extends' must be the relative path of one base policy, got a list")]
    public void Whole_file_problems_are_located(string yaml, int line, int column, string message)
    {
        using var t = new TestPolicies();
        var error = TestPolicies.SingleError(t.Load(yaml));
        Assert.Equal((line, column, message), (error.Location.Line, error.Location.Column, error.Message));
    }

    [Fact]
    public void A_missing_policy_file_is_a_policy_error_naming_the_path()
    {
        using var t = new TestPolicies();
        var path = Path.Combine(t.Folder, "nope.yml");
        var result = PolicyLoader.Load(path, TestPolicies.Today);
        var error = TestPolicies.SingleError(result);
        Assert.Equal($"{path}:1:1: error: policy file not found (looked for {path}); pass the path of modelgate.yml", error.ToString());
        Assert.Equal(error.ToString(), Assert.Throws<Diagnostics.PolicyException>(() => result.GetPolicyOrThrow()).Message);
    }

    [Fact]
    public void Diagnostics_are_ordered_by_line_whatever_order_they_are_found_in()
    {
        using var t = new TestPolicies();
        var result = t.Load("version: 1\ntask: binary\nmodels: { candidate: c.onnx }\ndata: { holdout: h.csv, label: y }\nchecks:\n  - metric: f1\n    at_least: 2\nwaivers:\n  - { check: f2, reason: r, owner: o, expires: 2020-01-01 }\nstatistics: { seed: -1 }\n");
        Assert.Equal([7, 9, 10], result.Diagnostics.Select(d => d.Location.Line));
    }
}
