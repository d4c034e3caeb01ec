using System.Text.Json;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>
/// Every fixture model, run through the real ONNX Runtime on its committed holdout, matches the expected outputs
/// that were computed independently (numpy/torch in float64, never by running the .onnx file).
/// </summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class FixtureOutputTests(SharedRuntime shared)
{
    public static TheoryData<string> Models => new()
    {
        "mlp_breast_cancer", "mlp_breast_cancer_logits", "mlp_breast_cancer_retrained", "mlp_breast_cancer_degraded",
        "logreg_credit_card", "tree_hmda", "zipmap_int64_hmda", "zipmap_string_titanic", "logits_digits", "cnn_digits",
        "regressor_slid", "per_column_arrests",
    };

    /// <summary>Models whose tensors are shaped or typed as other exporters make them (make_tensor_fixtures.py); not in the engine-bits record, which predates them.</summary>
    public static TheoryData<string> ExporterModels => new()
    {
        "fixed_batch4_breast_cancer", "fp16_breast_cancer", "fp64_breast_cancer", "row_output_breast_cancer", "reshape_digits",
    };

    [Theory]
    [MemberData(nameof(Models))]
    [MemberData(nameof(ExporterModels))]
    public void Outputs_match_the_independently_computed_expected_values(string stem)
    {
        var fixture = Fixture.Load(stem);
        var data = fixture.Data();
        using var model = shared.Runtime.LoadModel(fixture.ModelPath, new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = 100 });

        var outputs = model.Run(fixture.Inputs(data));

        Assert.Equal(fixture.Root.GetProperty("row_count").GetInt32(), outputs.RowCount);
        foreach (var name in fixture.OutputNames)
        {
            var maxDiff = Compare(outputs[name], fixture.Expected(name), fixture.AbsTolerance, fixture.RelTolerance);
            Assert.True(maxDiff <= fixture.AbsTolerance + (fixture.RelTolerance * 100), $"{stem}/{name}: max abs diff {maxDiff}");
        }
    }

    /// <summary>Compares row by row and returns the largest absolute difference; labels must match exactly.</summary>
    internal static double Compare(ModelOutput actual, JsonElement expected, double abs, double rel)
    {
        var rows = expected.GetArrayLength();
        Assert.Equal(rows, actual.RowCount);
        double max = 0;
        var r = 0;
        foreach (var row in expected.EnumerateArray())
        {
            switch (row.ValueKind)
            {
                case JsonValueKind.Array:
                    var k = 0;
                    foreach (var value in row.EnumerateArray())
                    {
                        max = Math.Max(max, Check(actual.Numbers[(r * actual.ValuesPerRow) + k], value, abs, rel, actual.Name, r));
                        k++;
                    }

                    Assert.Equal(k, actual.ValuesPerRow);
                    break;
                case JsonValueKind.Object:
                    foreach (var entry in row.EnumerateObject())
                    {
                        var column = actual.MapKeys.ToList().IndexOf(entry.Name);
                        Assert.True(column >= 0, $"{actual.Name}: key {entry.Name} missing from [{string.Join(",", actual.MapKeys)}]");
                        max = Math.Max(max, Check(actual.Numbers[(r * actual.MapKeys.Count) + column], entry.Value, abs, rel, actual.Name, r));
                    }

                    break;
                case JsonValueKind.String:
                    Assert.Equal(row.GetString(), actual.Texts![r]);
                    break;
                default:
                    Assert.Equal(row.GetInt64(), (long)actual.Numbers[r]);
                    break;
            }

            r++;
        }

        return max;
    }

    private static double Check(double actual, JsonElement expected, double abs, double rel, string name, int row)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(double.IsNaN(actual), $"{name} row {row + 1}: expected NaN (missing input), got {actual}");
            return 0;
        }

        var e = expected.GetDouble();
        var diff = Math.Abs(actual - e);
        Assert.True(diff <= abs + (rel * Math.Abs(e)), $"{name} row {row + 1}: {actual} vs expected {e} (diff {diff})");
        return diff;
    }
}
