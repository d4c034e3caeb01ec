using ModelGate.Engine;
using ModelGate.Onnx.Signature;

namespace ModelGate.Cli.Tests.Monitoring;

/// <summary>Where the monitoring labels come from: GitHub's variables and the model's version.</summary>
public sealed class RunOriginTests
{
    private static CliConsole Console(Dictionary<string, string> env) => new(TextWriter.Null, TextWriter.Null, false, env, "/");

    [Fact]
    public void A_pull_request_run_takes_the_head_branch_and_the_number_in_GITHUB_REF()
    {
        var run = RunOrigin.From(Console(new()
        {
            ["GITHUB_REPOSITORY"] = "o/r",
            ["GITHUB_HEAD_REF"] = "feature/a",
            ["GITHUB_REF_NAME"] = "12/merge",
            ["GITHUB_REF"] = "refs/pull/12/merge",
            ["GITHUB_SHA"] = "abc",
        }).Env, pullRequest: null);
        Assert.Equal(new ModelGate.Reports.RunIdentity("o/r", "feature/a", "12", "abc"), run);
    }

    [Fact]
    public void A_push_run_takes_the_ref_name_and_pr_wins_over_GITHUB_REF()
    {
        Assert.Equal(new ModelGate.Reports.RunIdentity(null, "main", null, null), RunOrigin.From(Console(new() { ["GITHUB_REF_NAME"] = "main", ["GITHUB_REF"] = "refs/heads/main" }).Env, null));
        Assert.Equal("5", RunOrigin.From(Console(new() { ["GITHUB_REF"] = "refs/pull/12/merge" }).Env, 5).PullRequest);
    }

    [Theory]
    [InlineData("2.1.0", null, 7L, "2.1.0")]
    [InlineData(null, "v3", 7L, "v3")]
    [InlineData(null, null, 7L, "7")]
    [InlineData(null, null, 0L, null)]
    [InlineData(null, null, long.MaxValue, null)]
    public void A_model_version_comes_from_the_flag_then_metadata_props_then_a_set_model_version_field(string? flag, string? custom, long field, string? expected)
    {
        var metadata = new ModelMetadata
        {
            ModelVersion = field,
            Custom = custom is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["version"] = custom },
        };
        Assert.Equal(expected, RunOrigin.ModelVersion(flag, metadata));
    }
}
