using System.Text;
using System.Text.Json;
using ModelGate.GitHub.Actions;
using ModelGate.GitHub.Tests.Fakes;

namespace ModelGate.GitHub.Tests;

public sealed class ActionsPlumbingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_summary_is_appended_after_what_earlier_steps_wrote()
    {
        var path = _folder.File("summary.md");
        File.WriteAllText(path, "# earlier step\n");

        var write = JobSummary.Append(path, "## ModelGate: pass ✅\n");

        Assert.False(write.Truncated);
        Assert.Equal(Encoding.UTF8.GetByteCount("## ModelGate: pass ✅\n"), write.BytesWritten);
        Assert.Equal("# earlier step\n## ModelGate: pass ✅\n", File.ReadAllText(path));
    }

    [Fact]
    public void The_summary_never_grows_past_one_MiB()
    {
        var path = _folder.File("summary.md");
        File.WriteAllText(path, new string('x', 1000) + "\n");
        var huge = string.Concat(Enumerable.Repeat("| slice ✅ | 0.91 | pass |\n", 60_000));

        var write = JobSummary.Append(path, huge);

        var bytes = new FileInfo(path).Length;
        Assert.True(write.Truncated);
        Assert.InRange(bytes, JobSummary.MaxBytes - 200, JobSummary.MaxBytes);
        var text = File.ReadAllText(path);
        Assert.EndsWith("| pass |\n" + JobSummary.TruncationNote, text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_summary_gets_nothing_more()
    {
        var path = _folder.File("summary.md");
        File.WriteAllBytes(path, new byte[JobSummary.MaxBytes]);

        var write = JobSummary.Append(path, "more");

        Assert.True(write.Truncated);
        Assert.Equal(0, write.BytesWritten);
        Assert.Equal(JobSummary.MaxBytes, new FileInfo(path).Length);
    }

    [Fact]
    public void Outputs_use_a_random_delimiter_and_parse_back_exactly()
    {
        var path = _folder.File("output");
        var markdown = "## ModelGate: fail\n\nEOF\nghadelimiter_\n| a | b |\r\nline=x<<y";
        var outputs = new GateOutputs("fail", markdown, "{\n  \"verdict\": \"fail\"\n}", ["auroc", "slice:region=EU"]);

        outputs.AppendTo(path);
        outputs.AppendTo(path);

        var text = File.ReadAllText(path);
        var parsed = RunnerOutputFile.Parse(text);
        Assert.Equal(8, parsed.Count);
        Assert.Equal(("verdict", "fail"), parsed[0]);
        Assert.Equal(("report-markdown", markdown), parsed[1]);
        Assert.Equal(("report-json", "{\n  \"verdict\": \"fail\"\n}"), parsed[2]);
        Assert.Equal(["auroc", "slice:region=EU"], JsonSerializer.Deserialize<string[]>(parsed[3].Value)!);
        var delimiters = text.Split('\n').Where(l => l.Contains("<<ghadelimiter_", StringComparison.Ordinal)).Select(l => l[(l.IndexOf("<<", StringComparison.Ordinal) + 2)..]).ToList();
        Assert.Equal(8, delimiters.Count);
        Assert.Equal(8, delimiters.Distinct().Count());
        Assert.All(delimiters, d => Assert.Matches("^ghadelimiter_[0-9a-f]{32}$", d));
    }

    [Fact]
    public void An_output_name_that_could_inject_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            ActionsOutputs.Append(_folder.File("output"), [new("verdict\nevil", "x")]));
    }

    [Fact]
    public void Annotation_properties_and_messages_are_escaped_per_the_workflow_command_rules()
    {
        var annotation = new Annotation(AnnotationLevel.Error, "policies/gate,v2.yml", 12, "auroc: drop, 5%",
            "AUROC fell by 5%\r\nfrom 0.91 to 0.86: fail, see report", 1);

        var command = Annotations.Command(annotation);

        Assert.Equal(
            "::error file=policies/gate%2Cv2.yml,line=12,title=auroc%3A drop%2C 5%25::AUROC fell by 5%25%0D%0Afrom 0.91 to 0.86: fail, see report",
            command);
    }

    [Fact]
    public void At_most_ten_per_level_most_important_first_with_a_note_for_the_rest()
    {
        var errors = Enumerable.Range(1, 13).Reverse()
            .Select(p => new Annotation(AnnotationLevel.Error, "modelgate.yml", p, $"check-{p}", "failed", p));
        var warnings = Enumerable.Range(1, 2)
            .Select(p => new Annotation(AnnotationLevel.Warning, "modelgate.yml", 40 + p, $"soft-{p}", "inconclusive", p));
        using var output = new StringWriter();

        var batch = Annotations.Write(errors.Concat(warnings), output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var errorLines = lines.Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, errorLines.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(p => $"title=check-{p}::"), errorLines.Select(l => l[l.IndexOf("title=", StringComparison.Ordinal)..(l.IndexOf("::failed", StringComparison.Ordinal) + 2)]));
        Assert.Equal(2, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Equal(3, batch.Omitted[AnnotationLevel.Error]);
        Assert.Equal(0, batch.Omitted[AnnotationLevel.Warning]);
        Assert.Equal("Annotations omitted (GitHub shows at most 10 per level and step): 3 error; all checks are in the report.", batch.SummaryNote);
        Assert.Equal("::notice title=ModelGate::Annotations omitted (GitHub shows at most 10 per level and step): 3 error; all checks are in the report.", lines[^1]);
        Assert.Equal(13, lines.Length);
    }

    [Fact]
    public void Nothing_omitted_means_no_note()
    {
        var batch = Annotations.Format([new Annotation(AnnotationLevel.Warning, "modelgate.yml", null, "latency", "p95 inconclusive", 1)]);

        Assert.Equal(["::warning file=modelgate.yml,title=latency::p95 inconclusive"], batch.Commands);
        Assert.Null(batch.SummaryNote);
    }

    [Theory]
    [InlineData("pull_request")]
    [InlineData("pull_request_target")]
    public void A_pull_request_event_gives_the_number_from_the_event_file(string eventName)
    {
        var target = PullRequestTarget.Resolve(Environment(eventName, """{"action":"synchronize","number":42,"pull_request":{"number":42,"head":{"sha":"abc"}}}"""), null);

        Assert.True(target.CanComment);
        Assert.Equal(42, target.Number);
        Assert.Equal("octo-org/models", target.Repository!.ToString());
        Assert.Null(target.Note);
    }

    [Fact]
    public void A_workflow_run_comments_on_the_explicit_pr()
    {
        var env = Environment("workflow_run", """{"workflow_run":{"event":"pull_request","pull_requests":[]}}""");

        var withPr = PullRequestTarget.Resolve(env, 17);
        var withoutPr = PullRequestTarget.Resolve(env, null);

        Assert.Equal(17, withPr.Number);
        Assert.False(withoutPr.CanComment);
        Assert.Equal("No PR comment: a workflow_run needs --pr with the pull request number from the artifact (docs/github.md).", withoutPr.Note);
    }

    [Theory]
    [InlineData("push")]
    [InlineData("schedule")]
    public void Events_without_a_pull_request_give_a_one_line_note(string eventName)
    {
        var target = PullRequestTarget.Resolve(Environment(eventName, """{"ref":"refs/heads/main"}"""), null);

        Assert.False(target.CanComment);
        Assert.Equal($"No PR comment: the {eventName} event has no pull request; the verdict is in this summary only.", target.Note);
    }

    [Fact]
    public void A_broken_event_file_does_not_stop_the_gate()
    {
        var target = PullRequestTarget.Resolve(Environment("pull_request", "{ not json"), null);

        // No comment, and a setup error the publisher writes under the job summary (it no longer reads as "no PR").
        Assert.False(target.CanComment);
        Assert.True(target.IsSetupError);
        Assert.Contains("event file (GITHUB_EVENT_PATH) is not valid JSON (line 1), so no PR comment was posted; pass --pr", target.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_pr_number_is_a_setup_error_not_a_crash()
    {
        var target = PullRequestTarget.Resolve(Environment("pull_request", "{\"pull_request\": {\"number\": \"7\"}}"), null);

        Assert.False(target.CanComment);
        Assert.True(target.IsSetupError);
        Assert.Contains("has a pull_request.number that is a string, not a number", target.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_positive_pr_is_a_setup_error()
    {
        var e = Assert.Throws<GitHubSetupException>(() => PullRequestTarget.Resolve(Environment("workflow_run", "{}"), 0));

        Assert.Equal("--pr 0 is not a pull request number; pass the positive number carried in the artifact.", e.Message);
    }

    [Fact]
    public void Outside_Actions_there_is_no_repository_and_no_comment()
    {
        var target = PullRequestTarget.Resolve(ActionsEnvironment.From(_ => null), null);

        Assert.False(target.CanComment);
        Assert.StartsWith("No PR comment: GITHUB_REPOSITORY is not set", target.Note, StringComparison.Ordinal);
    }

    private ActionsEnvironment Environment(string eventName, string payload)
    {
        var eventPath = _folder.File("event.json");
        File.WriteAllText(eventPath, payload);
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_REPOSITORY"] = "octo-org/models",
        };
        return ActionsEnvironment.From(name => variables.GetValueOrDefault(name));
    }
}
