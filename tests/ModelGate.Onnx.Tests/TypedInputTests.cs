using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>
/// int64, float64, bool and int32 inputs and a fixed batch dimension, on two small models made by
/// Models/make_models.py; expected values are written out by hand from the inputs.
/// </summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class TypedInputTests(SharedRuntime shared)
{
    private static string ModelPath(string name) => RepoPaths.Path("tests", "ModelGate.Onnx.Tests", "Models", name + ".onnx");

    private static IReadOnlyList<ModelInput> Inputs(double[] a, double[] c, double[] d) =>
    [
        ModelInput.PerColumn("a", InputColumn.Numeric("count", a)),
        ModelInput.Dense("b", [InputColumn.Numeric("x", [0.5, 2]), InputColumn.Numeric("y", [1.5, -1])]),
        ModelInput.PerColumn("c", InputColumn.Numeric("flag", c)),
        ModelInput.PerColumn("d", InputColumn.Numeric("small", d)),
    ];

    [Fact]
    public void Numbers_are_converted_to_int64_float64_bool_and_int32_inputs()
    {
        using var model = shared.Runtime.LoadModel(ModelPath("typed_inputs"), new SessionSettings { Device = DeviceRequest.Cpu });

        var output = model.Run(Inputs([3, -2], [1, 0], [7, -8]))["out"];

        Assert.Equal([2L, 5L], output.Shape);
        Assert.Equal([3, 0.5, 1.5, 1, 7, -2, 2, -1, 0, -8], output.Numbers);
        Assert.Equal("element types", model.Signature.Metadata.Custom["purpose"]);
        Assert.Equal("modelgate", model.Signature.Metadata.Custom["author"]);
    }

    [Fact]
    public void A_bool_input_takes_only_zero_or_one_and_int32_only_values_in_range()
    {
        using var model = shared.Runtime.LoadModel(ModelPath("typed_inputs"), new SessionSettings { Device = DeviceRequest.Cpu });

        var flag = Assert.Throws<OnnxModelException>(() => model.Prepare(Inputs([3, -2], [1, 2], [7, -8])));
        Assert.Contains("column 'flag' row 2 holds 2, but a bool input takes only 0 or 1", flag.Message, StringComparison.Ordinal);

        var small = Assert.Throws<OnnxModelException>(() => model.Prepare(Inputs([3, -2], [1, 0], [7, 3e10])));
        Assert.Contains("column 'small' row 2", small.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<OnnxModelException>(() => model.Prepare(Inputs([double.NaN, -2], [1, 0], [7, -8])));
        Assert.Contains("holds NaN", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_batch_dimension_is_fed_one_row_per_call_whatever_the_batch_size()
    {
        using var model = shared.Runtime.LoadModel(ModelPath("fixed_batch"), new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = 8192 });
        double[] x0 = [0, 1, -3];
        double[] x1 = [0, 3, 2];

        var scored = model.Score([ModelInput.Dense("input", [InputColumn.Numeric("x0", x0), InputColumn.Numeric("x1", x1)])]);

        Assert.Equal(3, scored.Predictions.RowCount);
        for (var r = 0; r < 3; r++)
        {
            var p1 = 1 / (1 + Math.Exp(x0[r] - x1[r]));
            Assert.InRange(Math.Abs(scored.Predictions.Row(r)[1] - p1), 0, 1e-6);
            Assert.InRange(Math.Abs(scored.Predictions.Row(r)[0] - (1 - p1)), 0, 1e-6);
        }
    }
}
