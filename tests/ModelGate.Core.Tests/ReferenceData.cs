using System.Text.Json;
using ModelGate.Core;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;

namespace ModelGate.Core.Tests;

/// <summary>The committed expected values written by reference/make_reference.py (scikit-learn, scipy, numpy).</summary>
internal static class ReferenceData
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
    {
        var path = RepoPaths.Path("tests", "ModelGate.Core.Tests", "reference", "reference.json");
        return JsonDocument.Parse(File.ReadAllText(path));
    });

    public static JsonElement Root => Document.Value.RootElement;

    public static JsonElement Statistics => Root.GetProperty("statistics");

    public static IEnumerable<JsonElement> Cases => Root.GetProperty("cases").EnumerateArray();

    public static JsonElement Case(string name) => Cases.First(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<object[]> CaseMetrics() =>
        Cases.SelectMany(c => c.GetProperty("expected").EnumerateObject().Select(m => new object[] { c.GetProperty("name").GetString()!, m.Name }));

    public static double[] Doubles(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetDouble())];

    public static int[] Ints(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetInt32())];

    public static string[] Strings(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetString()!)];

    public static TaskKind TaskOf(JsonElement c) => c.GetProperty("task").GetString() switch
    {
        "binary" => TaskKind.Binary,
        "multiclass" => TaskKind.Multiclass,
        _ => TaskKind.Regression,
    };

    public static double[]? WeightsOf(JsonElement c) => c.GetProperty("weights").ValueKind == JsonValueKind.Null ? null : Doubles(c.GetProperty("weights"));

    public static ScoredModel Model(JsonElement c)
    {
        var task = TaskOf(c);
        var k = c.GetProperty("class_count").GetInt32();
        var scores = Doubles(c.GetProperty("scores"));
        var predictions = new Predictions(scores, scores.Length / k, k);
        return task == TaskKind.Regression
            ? new ScoredModel(Doubles(c.GetProperty("targets")), predictions)
            : new ScoredModel(task, Ints(c.GetProperty("labels")), predictions, c.GetProperty("threshold").GetDouble());
    }

    public static void Close(double expected, double actual, double relative = 1e-9, string? what = null)
    {
        var tolerance = (relative * Math.Abs(expected)) + 1e-15;
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R} (diff {Math.Abs(expected - actual):R})");
    }
}
