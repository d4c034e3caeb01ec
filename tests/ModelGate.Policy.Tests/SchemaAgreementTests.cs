using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModelGate.Core.Metrics;
using ModelGate.Policy.Binding;

namespace ModelGate.Policy.Tests;

/// <summary>schema/modelgate.schema.json and the loader agree: same keys, same valid files, same schema-detectable mistakes.</summary>
public sealed partial class SchemaAgreementTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "schema", "modelgate.schema.json")))!.AsObject();
    internal static readonly JsonSchemaSubset Validator = new(Schema);

    /// <summary>Invalid cases a schema can see (unknown key, wrong type, enum, range, required, pattern); the rest need the loader's semantics.</summary>
    private static readonly string[] SchemaDetectable =
    [
        "unknown top-level key", "unknown key in models", "number written as a word", "number in quotes", "mapping expected", "task typo",
        "unknown metric", "negative allowed drop", "severity typo", "unsupported version", "missing version", "safety with where and rows_file",
        "disparity typo", "setting beside a check kind", "unknown check kind", "model size of zero", "confidence above 1", "inconclusive typo",
        "column type typo", "check id with spaces", "checks not a list", "negative flips budget not a whole number", "slice with column and columns",
        "waiver without expiry", "image colour typo", "unknown key in an image entry", "unsupported tokenizer", "text overflow typo",
        "evidence key typo", "evidence kind typo", "evidence without a column", "evidence rows above the limit",
        "evidence thumbnail too small",
        "perturbation typo", "swap without features", "brightness beyond the pixel range",
        "unknown tiktoken encoding", "tiktoken without an encoding",
    ];

    public static TheoryData<string> ValidPolicyFiles()
    {
        var files = Directory.GetFiles(TestPolicies.PoliciesFolder, "*.yml", SearchOption.AllDirectories).ToList();
        var examples = Path.Combine(RepoPaths.Root, "examples");
        if (Directory.Exists(examples))
        {
            files.AddRange(Directory.GetFiles(examples, "modelgate.yml", SearchOption.AllDirectories));
        }

        return [.. files.Select(f => Path.GetRelativePath(RepoPaths.Root, f))];
    }

    [Theory]
    [MemberData(nameof(ValidPolicyFiles))]
    public void Every_valid_policy_file_validates_against_the_schema_and_loads(string file)
    {
        var path = Path.Combine(RepoPaths.Root, file);
        Assert.Empty(Validator.Validate(YamlJson.Convert(File.ReadAllText(path))));
        TestPolicies.LoadValid(path);
    }

    public static TheoryData<int, string> DocsExamples()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "policy.md"));
        var data = new TheoryData<int, string>();
        var index = 0;
        foreach (Match block in YamlBlock().Matches(docs))
        {
            index++;
            if (block.Groups[1].Value.Contains("version: 1", StringComparison.Ordinal))
            {
                data.Add(index, block.Groups[1].Value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocsExamples))]
    public void Every_complete_policy_in_the_docs_validates_against_the_schema_and_loads(int block, string yaml)
    {
        Assert.True(Validator.Validate(YamlJson.Convert(yaml)) is { Count: 0 } errors, $"docs block {block}: " + string.Join("\n", Validator.Validate(YamlJson.Convert(yaml))));
        using var t = new TestPolicies();
        foreach (var source in Directory.GetFiles(TestPolicies.PoliciesFolder, "*", SearchOption.AllDirectories))
        {
            t.Write(Path.GetRelativePath(TestPolicies.PoliciesFolder, source), File.ReadAllText(source));
        }

        // Docs examples live where valid/complete.yml lives, so their extends and rows_file paths resolve.
        var result = PolicyLoader.Load(t.Write(Path.Combine("valid", "docs-example.yml"), yaml), TestPolicies.Today);
        Assert.True(result.Succeeded, $"docs block {block}: " + string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void The_docs_show_the_complete_example_verbatim()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "policy.md"));
        var complete = File.ReadAllText(Path.Combine(TestPolicies.PoliciesFolder, "valid", "complete.yml"));
        Assert.Contains(complete, docs, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_schema_detectable_invalid_case_is_rejected_by_the_schema_too()
    {
        var cases = InvalidPolicyTests.Cases.ToDictionary(row => (string)row[0], row => (string)row[1]);
        foreach (var name in SchemaDetectable)
        {
            Assert.True(cases.ContainsKey(name), $"no invalid case named '{name}'");
            Assert.True(Validator.Validate(YamlJson.Convert(cases[name])).Count > 0, $"the schema accepts the invalid case '{name}'");
        }
    }

    [Fact]
    public void The_schema_validator_is_not_vacuous() =>
        Assert.Equal(["$.task: not one of [\"binary\",\"multiclass\",\"regression\"]"], Validator.Validate(JsonNode.Parse("""{"version": 1, "task": "bin"}""")));

    public static TheoryData<string, string[]> KeyLists() => new()
    {
        { "#", PolicyBinder.TopKeys },
        { "models", PolicyBinder.ModelsKeys },
        { "model", PolicyBinder.ModelKeys },
        { "data", PolicyBinder.DataKeys },
        { "image", PolicyBinder.ImageKeys },
        { "text", PolicyBinder.TextKeys },
        { "statistics", PolicyBinder.StatisticsKeys },
        { "report", PolicyBinder.ReportKeys },
        { "evidence", PolicyBinder.EvidenceKeys },
        { "metricCheck", PolicyBinder.MetricCheckKeys },
        { "generalizationGap", PolicyBinder.GapKeys },
        { "calibration", PolicyBinder.CalibrationKeys },
        { "subgroups", PolicyBinder.SubgroupKeys },
        { "fairness", PolicyBinder.FairnessKeys },
        { "safety", PolicyBinder.SafetyKeys },
        { "latency", PolicyBinder.LatencyKeys },
        { "percentile", PolicyBinder.PercentileKeys },
        { "modelSize", PolicyBinder.ModelSizeKeys },
        { "drift", PolicyBinder.DriftKeys },
        { "predictionDrift", PolicyBinder.PredictionDriftKeys },
        { "leakage", PolicyBinder.LeakageKeys },
        { "rejectRate", PolicyBinder.RejectRateKeys },
        { "rollingWindow", PolicyBinder.RollingWindowKeys },
        { "resourceCost", PolicyBinder.ResourceCostKeys },
        { "robustness", PolicyBinder.RobustnessKeys },
        { "waiver", PolicyBinder.WaiverKeys },
    };

    [Theory]
    [MemberData(nameof(KeyLists))]
    public void Schema_and_loader_know_the_same_keys(string definition, string[] loaderKeys)
    {
        var node = definition == "#" ? Schema : Schema["$defs"]![definition]!.AsObject();
        var schemaKeys = node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(loaderKeys.Order(StringComparer.Ordinal), schemaKeys);
    }

    [Fact]
    public void Schema_lists_every_metric_check_kind_and_calibration_metric()
    {
        var defs = Schema["$defs"]!;
        Assert.Equal(MetricCatalog.All.Select(m => m.Id).Order(StringComparer.Ordinal), defs["metric"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(PolicyBinder.CalibrationMetrics, defs["calibration"]!["properties"]!["metric"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        var kinds = defs["check"]!["oneOf"]!.AsArray().Skip(1).Select(o => o!["required"]![0]!.GetValue<string>());
        Assert.Equal(CheckIds.Kinds, kinds);
        var sliceKeys = defs["slice"]!["oneOf"]!.AsArray().SelectMany(o => o!["properties"]!.AsObject().Select(p => p.Key)).Order(StringComparer.Ordinal);
        Assert.Equal(PolicyBinder.SliceKeys.Order(StringComparer.Ordinal), sliceKeys);
    }

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
