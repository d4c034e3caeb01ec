using System.Text.Json;
using System.Text.Json.Nodes;
using ModelGate.Cli.Tests.Support;

namespace ModelGate.Cli.Tests;

/// <summary>
/// <c>modelgate check</c> on Parquet holdouts and train samples: the breast-cancer example's CSVs converted to Parquet
/// by DuckDB (tests/fixtures/parquet/generator) give the example's verdict and its committed report.json, apart from
/// the data files' paths and hashes; a truncated Parquet file is exit 3 naming the file and the reason.
/// </summary>
public sealed class ParquetHoldoutTests
{
    private const string Holdout = "tests/fixtures/parquet/breast-cancer.holdout.parquet";
    private const string Train = "tests/fixtures/parquet/breast-cancer.train.parquet";

    [Fact]
    public async Task The_example_gated_from_parquet_gives_the_same_verdict_and_json_report_as_from_csv()
    {
        const string outDir = ".modelgate-out/parquet/breast-cancer";
        var absolute = RepoPaths.Path(outDir);
        if (Directory.Exists(absolute))
        {
            Directory.Delete(absolute, recursive: true);
        }

        var run = await CliHarness.RunAsync(["check", "--policy", "examples/breast-cancer/modelgate.yml", "--holdout", Holdout, "--train", Train, "--out", outDir]);
        Assert.True(run.ExitCode == ExitCodes.Passed, run.ToString());

        var fromParquet = JsonNode.Parse(File.ReadAllBytes(Path.Combine(absolute, "report.json")))!;
        var fromCsv = JsonNode.Parse(File.ReadAllBytes(RepoPaths.Example("breast-cancer", "expected", "report.json")))!;
        var parquetData = InputDescription(fromParquet);
        var csvData = InputDescription(fromCsv);
        Assert.Equal(
            fromCsv.ToJsonString(new JsonSerializerOptions { WriteIndented = true }),
            fromParquet.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        // The input description names the Parquet files, with their own hashes and the same row counts.
        Assert.Equal([Holdout, Train], parquetData.Select(d => d!["path"]!.GetValue<string>()));
        Assert.Equal(csvData.Select(d => d!["rows"]!.GetValue<int>()), parquetData.Select(d => d!["rows"]!.GetValue<int>()));
        Assert.All(parquetData, d => Assert.Matches("^[0-9a-f]{64}$", d!["sha256"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_truncated_parquet_holdout_is_exit_3_naming_the_file_and_the_reason()
    {
        const string truncated = "tests/fixtures/parquet/truncated.parquet";
        var run = await CliHarness.RunAsync(["check", "--policy", "examples/breast-cancer/modelgate.yml", "--holdout", truncated, "--out", ".modelgate-out/parquet/truncated"]);
        Assert.True(run.ExitCode == ExitCodes.InputError, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("truncated.parquet: not a readable Parquet file (", line, StringComparison.Ordinal);
        Assert.Contains("write the file again", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_on_a_parquet_holdout_writes_a_policy_that_check_runs()
    {
        using var folder = new TempFolder("cli");
        foreach (var model in new[] { "candidate.onnx", "baseline.onnx" })
        {
            File.Copy(RepoPaths.Example("breast-cancer", "models", model), folder.File(model));
        }

        File.Copy(RepoPaths.Path(Holdout), folder.File("holdout.parquet"));
        var init = await CliHarness.RunAsync(["init", "--model", "candidate.onnx", "--baseline", "baseline.onnx", "--holdout", "holdout.parquet"], folder.Path);
        Assert.True(init.ExitCode == ExitCodes.Passed, init.ToString());
        Assert.Contains("label 'target'", init.Out + init.Error, StringComparison.Ordinal);

        var check = await CliHarness.RunAsync(["check", "--policy", "modelgate.yml", "--out", "out", "--format", "json", "--allow-outside-root"], folder.Path);
        Assert.True(check.ExitCode is ExitCodes.Passed or ExitCodes.GateFailed, check.ToString());
        Assert.True(File.Exists(folder.File("out", "report.json")), check.ToString());
    }

    /// <summary>Takes provenance.data (paths and hashes of the data files) out of the report, leaving every other field.</summary>
    private static JsonArray InputDescription(JsonNode report)
    {
        var provenance = report["provenance"]!.AsObject();
        var data = provenance["data"]!.AsArray();
        provenance.Remove("data");
        return data;
    }
}
