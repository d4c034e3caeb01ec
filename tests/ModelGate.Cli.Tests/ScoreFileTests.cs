using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelGate.Cli.Tests;

/// <summary>
/// <c>modelgate score</c> and <c>check --scores</c> through the real CLI with the hmda-safety example's real models:
/// the example gated from CSV, from Parquet (DuckDB-written, tests/fixtures/parquet/generator), from one-shard score
/// files (Parquet and CSV) and from four-shard score files gives the same report.json byte for byte, apart from the
/// input description (provenance.data); score files that do not fit the holdout are exit 3 with one line naming the
/// file, the row id and the fix.
/// </summary>
public sealed partial class ScoreFileTests
{
    private const string Policy = "examples/hmda-safety/modelgate.yml";
    private const string Parquet = "tests/fixtures/parquet/hmda-safety.holdout.parquet";

    [Fact]
    public async Task Csv_parquet_one_shard_and_four_shard_score_files_give_the_same_report_json()
    {
        using var folder = new TempFolder("scores");
        var expected = WithoutInputDescription(File.ReadAllText(RepoPaths.Example("hmda-safety", "expected", "report.json")));

        // Parquet holdout, the models scoring it in the gate.
        Assert.Equal(expected, WithoutInputDescription(await Gate(folder, "parquet", ["--holdout", Parquet])));

        // One shard each from the CSV holdout: the candidate's as Parquet, the baseline's as CSV.
        await Score(folder, "candidate", "1/1", "one/candidate.parquet");
        await Score(folder, "baseline", "1/1", "one/baseline.csv");
        var one = await Gate(folder, "one", ["--scores", $"candidate={folder.File("one", "candidate.parquet")},baseline={folder.File("one", "baseline.csv")}"]);
        Assert.Equal(expected, WithoutInputDescription(one));

        // Four shards each from the Parquet holdout, gated with globs.
        for (var i = 1; i <= 4; i++)
        {
            await Score(folder, "candidate", $"{i}/4", $"four/candidate-{i}.parquet", "--holdout", Parquet);
            await Score(folder, "baseline", $"{i}/4", $"four/baseline-{i}.parquet", "--holdout", Parquet);
        }

        var four = await Gate(folder, "four", ["--holdout", Parquet, "--scores", $"candidate={folder.File("four", "candidate-*.parquet")}", "--scores", $"baseline={folder.File("four", "baseline-*.parquet")}"]);
        Assert.Equal(expected, WithoutInputDescription(four));
        Assert.Equal(4, Regex.Count(four, "\"role\": \"candidate scores\""));
    }

    [Fact]
    public async Task Score_files_that_do_not_fit_the_holdout_are_exit_3_naming_the_file_the_row_and_the_fix()
    {
        using var folder = new TempFolder("scores");
        await Score(folder, "candidate", "1/1", "candidate.csv");
        await Score(folder, "baseline", "1/1", "baseline.csv");
        await Score(folder, "baseline", "1/2", "half-1.csv");
        await Score(folder, "baseline", "2/2", "half-2.csv");
        var lines = File.ReadAllLines(folder.File("candidate.csv"));

        // A row id that is not in the holdout.
        File.WriteAllLines(folder.File("foreign.csv"), [lines[0], "99999" + lines[1][lines[1].IndexOf(',', StringComparison.Ordinal)..], .. lines[2..]]);
        File.Copy(folder.File("candidate.csv.json"), folder.File("foreign.csv.json"));
        await Fails(folder, "foreign.csv", "baseline.csv", "row id '99999' is not a row of the holdout");

        // A row scored twice in one file (the reader's own row id check) or in two shards, and a row not scored.
        File.WriteAllLines(folder.File("twice.csv"), [.. lines, lines[5]]);
        File.Copy(folder.File("candidate.csv.json"), folder.File("twice.csv.json"));
        await Fails(folder, "twice.csv", "baseline.csv", "twice.csv: line 716, column 'row_id': the row id '5' was already used on line 6");
        foreach (var n in new[] { 1, 2 })
        {
            File.Copy(folder.File("half-1.csv"), folder.File($"dup-{n}.csv"));
            File.WriteAllText(folder.File($"dup-{n}.csv.json"), File.ReadAllText(folder.File("half-1.csv.json")).Replace("\"shard\":\"1/2\"", $"\"shard\":\"{n}/2\"", StringComparison.Ordinal));
        }

        var firstOfShard = File.ReadLines(folder.File("half-1.csv")).Skip(1).First().Split(',')[0];
        await Fails(folder, "candidate.csv", "dup-*.csv", $"dup-2.csv: line 2, column 'row_id': row id '{firstOfShard}' was already scored in dup-1.csv");
        File.WriteAllLines(folder.File("short.csv"), lines[..^1]);
        File.Copy(folder.File("candidate.csv.json"), folder.File("short.csv.json"));
        await Fails(folder, "short.csv", "baseline.csv", "row id '714' (holdout line 715) has no candidate score");

        // Shards decoded differently, and a shard missing.
        var header = File.ReadAllText(folder.File("half-2.csv.json"));
        File.WriteAllText(folder.File("half-2.csv.json"), header.Replace("\"output\":\"probabilities\"", "\"output\":\"label\"", StringComparison.Ordinal));
        await Fails(folder, "candidate.csv", "half-*.csv", "do not belong together: this file decoded as output 'label' as probabilities");
        await Fails(folder, "candidate.csv", "half-1.csv", "shard 2/2 of the baseline's scores is missing");

        // Scores of another holdout (the same rows as Parquet: another file, another hash).
        await Score(folder, "candidate", "1/1", "parquet.parquet", "--holdout", Parquet);
        await Fails(folder, "parquet.parquet", "baseline.csv", "these candidate scores were made from a holdout with SHA-256");
    }

    [Fact]
    public async Task Class_scores_that_are_not_probabilities_are_exit_3_never_judged()
    {
        // A score file written by another engine with logits where probabilities belong must not be judged as probabilities.
        using var folder = new TempFolder("scores");
        await Score(folder, "candidate", "1/1", "candidate.csv");
        await Score(folder, "baseline", "1/1", "baseline.csv");
        var lines = File.ReadAllLines(folder.File("candidate.csv"));
        var id = lines[1][..lines[1].IndexOf(',', StringComparison.Ordinal)];
        File.WriteAllLines(folder.File("logits.csv"), [lines[0], $"{id},-1.5,2.5", .. lines[2..]]);
        File.Copy(folder.File("candidate.csv.json"), folder.File("logits.csv.json"));

        await Fails(folder, "logits.csv", "baseline.csv", "logits.csv: these candidate class scores are not probabilities: ");
    }

    [Fact]
    public async Task Model_size_comes_from_the_header_and_is_not_measured_without_it_and_the_generalization_gap_is_not_measured()
    {
        using var folder = new TempFolder("scores");
        const string policy = "examples/breast-cancer/modelgate.yml";
        foreach (var role in new[] { "candidate", "baseline" })
        {
            var score = await CliHarness.RunAsync(["score", "--policy", policy, "--model", role, "--out", folder.File(role + ".csv")]);
            Assert.True(score.ExitCode == ExitCodes.Passed, score.ToString());
        }

        var expected = JsonNode.Parse(File.ReadAllText(RepoPaths.Example("breast-cancer", "expected", "report.json")))!;
        var report = await GateChecks(policy, folder, "with-size");
        Assert.Equal(Check(expected, "model_size_mb")["reason"]!.GetValue<string>(), Check(report, "model_size_mb")["reason"]!.GetValue<string>());
        Assert.Equal(Check(expected, "roc_auc").ToJsonString(), Check(report, "roc_auc").ToJsonString());
        Assert.Contains("needs train data", Check(report, "generalization_gap")["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        // A score file from another engine, without the model: the size is not measured (and the gate still runs).
        var header = JsonNode.Parse(File.ReadAllText(folder.File("candidate.csv.json")))!.AsObject();
        header.Remove("model");
        File.WriteAllText(folder.File("candidate.csv.json"), header.ToJsonString());
        report = await GateChecks(policy, folder, "without-size");
        Assert.EndsWith("the model size was not measured", Check(report, "model_size_mb")["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("not recorded", report["provenance"]!["models"]![0]!["sha256"]!.GetValue<string>());
    }

    private static async Task<JsonNode> GateChecks(string policy, TempFolder folder, string name)
    {
        var run = await CliHarness.RunAsync(["check", "--policy", policy, "--out", folder.File(name), "--format", "json",
            "--scores", $"candidate={folder.File("candidate.csv")},baseline={folder.File("baseline.csv")}"]);
        Assert.True(run.ExitCode is ExitCodes.Passed or ExitCodes.GateFailed, run.ToString());
        return JsonNode.Parse(File.ReadAllText(folder.File(name, "report.json")))!;
    }

    private static JsonNode Check(JsonNode report, string id) => report["checks"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task With_NaN_candidate_scores_the_flipped_rows_table_shows_the_true_holdout_rows()
    {
        using var folder = new TempFolder("scores");
        await Score(folder, "candidate", "1/1", "candidate.csv");
        await Score(folder, "baseline", "1/1", "baseline.csv");
        var clean = JsonNode.Parse(await Gate(folder, "clean", ["--scores", $"candidate={folder.File("candidate.csv")},baseline={folder.File("baseline.csv")}"]))!;

        // Rows 1 to 3 (no flips) scored NaN: Core leaves them out, so its row numbers are 3 less than the holdout's.
        var lines = File.ReadAllLines(folder.File("candidate.csv"));
        var nan = lines[1..4].Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)] + string.Concat(Enumerable.Repeat(",NaN", l.Count(c => c == ','))));
        File.WriteAllLines(folder.File("nan.csv"), [lines[0], .. nan, .. lines[4..]]);
        File.Copy(folder.File("candidate.csv.json"), folder.File("nan.csv.json"));
        var run = await CliHarness.RunAsync(["check", "--policy", Policy, "--out", folder.File("nan", "report"), "--format", "json",
            "--scores", $"candidate={folder.File("nan.csv")},baseline={folder.File("baseline.csv")}"]);
        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString()); // fails closed on the NaN scores
        var report = JsonNode.Parse(File.ReadAllText(folder.File("nan", "report", "report.json")))!;
        Assert.Equal(3, report["nonFiniteScoreRows"]!["count"]!.GetValue<int>());

        // The table lists the flips Core names by id (the safety set's first, then the holdout's), with those rows' values.
        string[] Ids(JsonNode r) => [.. r["flippedRowFeatures"]!.AsArray().Select(x => x!["rowId"]!.GetValue<string>())];
        var named = report["checks"]!.AsArray().Select(c => c!["flips"]).Append(report["flips"]).OfType<JsonNode>().SelectMany(f => f["negativeFlipRowIds"]!.AsArray())
            .Select(x => x!.GetValue<string>()).Distinct().Take(20).ToArray();
        Assert.Equal(named, Ids(report));
        Assert.Equal(Ids(clean), Ids(report));

        // report.json's row numbers are holdout rows too: the same as the run without NaNs, matching the ids.
        static int[] Rows(JsonNode r) => [.. r["flips"]!["negativeFlipRows"]!.AsArray().Select(x => x!.GetValue<int>())];
        Assert.NotEmpty(Rows(report));
        Assert.Equal(Rows(clean), Rows(report));
        var holdout = File.ReadAllLines(RepoPaths.Example("hmda-safety", "data", "holdout.csv"));
        foreach (var row in report["flippedRowFeatures"]!.AsArray())
        {
            var pirat = row!["values"]!.AsArray().Single(v => v!["column"]!.GetValue<string>() == "pirat")!["value"]!.GetValue<string>();
            var line = holdout[int.Parse(row["rowId"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)].Split(',');
            Assert.Equal(double.Parse(line[1], System.Globalization.CultureInfo.InvariantCulture), double.Parse(pirat, System.Globalization.CultureInfo.InvariantCulture), 6);
        }
    }

    [Theory]
    [InlineData("score --policy examples/hmda-safety/modelgate.yml --shard 5/4", "--shard: '5/4' is not a shard: write i/N with 1 ≤ i ≤ N")]
    [InlineData("check --policy examples/hmda-safety/modelgate.yml --scores model=a.parquet", "--scores: 'model=a.parquet' is not role=file")]
    [InlineData("check --policy examples/hmda-safety/modelgate.yml --scores candidate=nowhere/c-*.parquet", "--scores: no file matches 'nowhere/c-*.parquet'")]
    public async Task A_bad_shard_or_scores_flag_is_a_one_line_usage_error(string args, string problem)
    {
        var run = await CliHarness.RunAsync(args.Split(' '));
        Assert.True(run.ExitCode == ExitCodes.UsageOrPolicyError, run.ToString());
        Assert.Contains(problem, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    private static async Task Score(TempFolder folder, string role, string shard, string output, params string[] more)
    {
        var run = await CliHarness.RunAsync(["score", "--policy", Policy, "--model", role, "--shard", shard, "--out", folder.File(output), .. more]);
        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());
    }

    private static async Task<string> Gate(TempFolder folder, string name, string[] more)
    {
        var run = await CliHarness.RunAsync(["check", "--policy", Policy, "--out", folder.File(name, "report"), "--format", "json", .. more]);
        Assert.True(run.ExitCode == ExitCodes.GateFailed, run.ToString()); // the example's safety check fails, as committed
        return File.ReadAllText(folder.File(name, "report", "report.json"));
    }

    private static async Task Fails(TempFolder folder, string candidate, string baseline, string problem)
    {
        var run = await CliHarness.RunAsync(["check", "--policy", Policy, "--out", folder.File("failed"), "--format", "json",
            "--scores", $"candidate={folder.File(candidate)},baseline={folder.File(baseline)}"]);
        Assert.True(run.ExitCode == ExitCodes.InputError, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(problem, line, StringComparison.Ordinal);
    }

    /// <summary>The report's text with provenance.data (the input description: data and score files, their paths and hashes) cut out.</summary>
    private static string WithoutInputDescription(string report) => DataSection().Replace(report, "\"data\": […]");

    [GeneratedRegex("\"data\": \\[.*?\\n    \\]", RegexOptions.Singleline)]
    private static partial Regex DataSection();
}
