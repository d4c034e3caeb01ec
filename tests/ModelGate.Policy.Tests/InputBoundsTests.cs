using ModelGate.Core.Limits;

namespace ModelGate.Policy.Tests;

/// <summary>What a policy may name and cost: paths stay in the repository, YAML stays small; legitimate use still loads.</summary>
public sealed class InputBoundsTests
{
    private const string Minimal = "version: 1\ntask: regression\nmodels:\n  candidate: wage.onnx\ndata:\n  holdout: slid.holdout.csv\n  label: wages\n";

    [Fact]
    public void A_few_aliases_still_load_and_expand()
    {
        using var t = new TestPolicies();
        var result = t.Load(Minimal + "checks:\n  - metric: mae\n    at_most: &cap 3.5\n  - metric: rmse\n    at_most: *cap\n");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(2, result.Policy!.Checks.Count);
    }

    [Theory]
    [InlineData(2, 1000, "yaml_depth", "mappings and sequences nest deeper than 2 levels (yaml_depth)")]
    [InlineData(1000, 20, "yaml_nodes", "the policy has more than 20 YAML nodes (yaml_nodes)")]
    public void Lowered_yaml_limits_stop_a_policy_at_the_first_node_past_them(long depth, long nodes, string limit, string message)
    {
        using var t = new TestPolicies();
        var path = t.Write("modelgate.yml", Minimal + "checks:\n  - metric: mae\n    at_most: 3.5\n");
        var limits = ResourceLimits.Default with { YamlDepth = depth, YamlNodes = nodes };
        var error = TestPolicies.SingleError(PolicyLoader.Load(path, TestPolicies.Today, new PolicyLoadOptions { Limits = limits }));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"raise it with --limit {limit}=<value> (docs/security.md)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_outside_the_root_are_refused_unless_allowed_and_a_root_can_be_given()
    {
        using var t = new TestPolicies();
        var path = t.Write(Path.Combine("team", "modelgate.yml"), Minimal.Replace("wage.onnx", "../shared/wage.onnx", StringComparison.Ordinal) + "checks:\n  - metric: mae\n    at_most: 3.5\n");
        Assert.True(PolicyLoader.Load(path, TestPolicies.Today).Succeeded);

        var narrow = new PolicyLoadOptions { Root = Path.Combine(t.Folder, "team") };
        var error = TestPolicies.SingleError(PolicyLoader.Load(path, TestPolicies.Today, narrow));
        Assert.StartsWith("the path '../shared/wage.onnx' leaves the repository", error.Message, StringComparison.Ordinal);
        Assert.Equal((4, 14), (error.Location.Line, error.Location.Column));

        Assert.True(PolicyLoader.Load(path, TestPolicies.Today, narrow with { AllowOutsideRoot = true }).Succeeded);
    }

    [Theory]
    [InlineData("line_bytes=256MiB", 256L << 20)]
    [InlineData("line_bytes=3K", 3L << 10)]
    [InlineData("line_bytes=12345", 12345)]
    public void Limit_settings_read_sizes_with_units(string setting, long expected) =>
        Assert.Equal(expected, ResourceLimits.Default.With([setting]).LineBytes);

    [Theory]
    [InlineData("line_bytes=0")]
    [InlineData("line_bytes=9999999999G")]
    [InlineData("fields=1MiB")]
    [InlineData("nosuch=1")]
    public void Bad_limit_settings_say_how_to_write_them(string setting) =>
        Assert.StartsWith("--limit", Assert.Throws<FormatException>(() => ResourceLimits.Default.With([setting])).Message, StringComparison.Ordinal);
}
