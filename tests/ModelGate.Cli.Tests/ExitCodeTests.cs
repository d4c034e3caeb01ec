using ModelGate.Cli.Tests.Support;
using ModelGate.Core.Errors;

namespace ModelGate.Cli.Tests;

/// <summary>
/// The libraries raise errors with a category and no number; the CLI's one table (<see cref="ErrorCategories"/>)
/// decides the exit code. Each category is reached here by a real mistake, through the CLI's entry point, and the
/// exit code is the one documented in the README (2 usage/policy, 3 input data/model, 4 environment).
/// </summary>
public sealed class ExitCodeTests
{
    /// <summary>One real way to reach a category; <paramref name="Setup"/> breaks a copy of examples/breast-cancer and returns the arguments.</summary>
    internal sealed record ExitCase(string Name, ErrorCategory Category, int ExitCode, string Message, Func<TempFolder, string[]> Setup)
    {
        public IReadOnlyDictionary<string, string>? Environment { get; init; }

        public override string ToString() => Name;
    }

    private static readonly string[] Check = ["check", "--policy", "modelgate.yml", "--out", "out", "--format", "md,json"];

    internal static IReadOnlyList<ExitCase> Cases { get; } =
    [
        new("bad_flag_value", ErrorCategory.Usage, 2, "modelgate: --batch-size must be a whole number from 1 to 1,048,576; got '0'",
            _ => [.. Check, "--batch-size", "0"]),

        // GitHubSetupException: ModelGate.GitHub names no category of its own; the table places the type.
        new("comment_without_a_token", ErrorCategory.Usage, 2, "modelgate: no GitHub token: pass --github-token or set GITHUB_TOKEN",
            s => [.. CommentArgs(s)])
        {
            Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["GITHUB_REPOSITORY"] = "octo-org/models" },
        },
        new("policy_unknown_key", ErrorCategory.Policy, 2, "unknown key 'foo' in the policy",
            s => Edit(s, "modelgate.yml", "task: binary", "task: binary\nfoo: 1")),
        new("holdout_missing", ErrorCategory.InputData, 3, "data/holdout.csv: file not found",
            s => Delete(s, "data/holdout.csv")),
        new("input_mapping_matches_no_column", ErrorCategory.InputData, 3, "no column matches 'zzz_*' for model input 'input'",
            s => Edit(s, "modelgate.yml", "input: \"*_*\"", "input: \"zzz_*\"")),
        new("model_not_onnx", ErrorCategory.Model, 3, "models/candidate.onnx: not a valid ONNX model",
            s =>
            {
                File.WriteAllText(s.File("models/candidate.onnx"), "hello\n");
                return Check;
            }),
        new("model_over_the_size_limit", ErrorCategory.InputLimit, 3, "more than 512 bytes (model_bytes)",
            _ => [.. Check, "--limit", "model_bytes=512"]),
        new("endless_model_stopped_by_the_batch_budget", ErrorCategory.RunLimit, 4, "one batch ran longer than its time budget of 1 s",
            s =>
            {
                File.Copy(RepoPaths.Path("tests", "ModelGate.Faults.Tests", "Fixtures", "endless_loop.onnx"), s.File("models/candidate.onnx"), overwrite: true);
                return Check;
            })
        {
            Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["MODELGATE_BATCH_TIME_BUDGET"] = "1" },
        },
        new("no_onnx_runtime_in_the_folder", ErrorCategory.Environment, 4, "which holds no ONNX Runtime library",
            s =>
            {
                Directory.CreateDirectory(s.File("empty-ort"));
                return [.. Check, "--onnxruntime", "empty-ort"];
            }),
        new("report_folder_under_a_file", ErrorCategory.Environment, 4, "cannot write the report",
            s =>
            {
                File.WriteAllText(s.File("taken"), "a file where the folder should be");
                return ["check", "--policy", "modelgate.yml", "--out", "taken/out"];
            }),

        // Loopback port 9 has no listener: the comment cannot be posted; the gate's own verdict (pass) is not what is reported.
        new("comment_not_posted", ErrorCategory.Publishing, 4, "PR comment not posted",
            s => [.. CommentArgs(s), "--github-timeout", "1"])
        {
            Environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["GITHUB_REPOSITORY"] = "octo-org/models",
                ["GITHUB_TOKEN"] = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB",
                ["GITHUB_API_URL"] = "http://127.0.0.1:9/",
            },
        },
        new("required_metrics_push_unreachable", ErrorCategory.Publishing, 4, "modelgate: could not push the metrics to http://127.0.0.1:9/",
            _ => [.. Check, "--pushgateway", "http://127.0.0.1:9", "--pushgateway-required"]),
    ];

    public static TheoryData<string> Names => [.. Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_real_error_of_each_category_exits_with_its_code(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        using var scratch = new TempFolder("cli");
        ExampleCopy.Into(scratch, "breast-cancer");
        var args = c.Setup(scratch);

        var run = await CliHarness.RunAsync(args, scratch.Path, c.Environment);

        Assert.True(run.ExitCode == c.ExitCode, $"{name} ({c.Category}): expected exit {c.ExitCode}\n{run}");
        Assert.True(ErrorCategories.ExitCodeFor(c.Category) == c.ExitCode, $"{name}: the table maps {c.Category} elsewhere");
        Assert.Contains(c.Message, run.Out + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_category_has_a_real_case()
    {
        var covered = Cases.Select(c => c.Category).ToHashSet();
        Assert.All(Enum.GetValues<ErrorCategory>(), category => Assert.True(covered.Contains(category), $"no case reaches {category}"));
    }

    [Fact]
    public void An_exception_outside_the_catalogue_is_not_classified()
    {
        // A defect, not a user error: CliFailure prints it with its stack trace and exit 4.
        Assert.False(ErrorCategories.TryClassify(new InvalidOperationException("bug"), out _));
        var failure = CliFailure.From(new InvalidOperationException("bug"), CancellationToken.None);
        Assert.Equal(4, failure.ExitCode);
        Assert.Contains("internal error", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A report folder as 'check' leaves it, and the arguments that post it to pull request 7.</summary>
    private static string[] CommentArgs(TempFolder scratch)
    {
        scratch.Write("report/comment.md", "## ModelGate: pass\n");
        scratch.Write("report/report.json", "{\"gate\": {\"verdict\": \"pass\"}}\n");
        return ["comment", "--report-dir", "report", "--pr", "7"];
    }

    private static string[] Edit(TempFolder scratch, string file, string from, string to)
    {
        var path = scratch.File(file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        return Check;
    }

    private static string[] Delete(TempFolder scratch, string file)
    {
        File.Delete(scratch.File(file));
        return Check;
    }
}
