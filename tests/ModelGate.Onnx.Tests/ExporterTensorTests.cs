using ModelGate.Core;
using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>
/// Tensors shaped and typed the way other exporters make them (tests/fixtures/models/make_tensor_fixtures.py), run
/// through the real ONNX Runtime and compared with the values numpy computed: a fixed batch of 4 over 171 rows,
/// float16 and float64 in and out, dense columns into [N, 8, 8] and [N, 1, 8, 8], and a [1, N] output.
/// </summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class ExporterTensorTests(SharedRuntime shared)
{
    private OnnxModel Load(string stem, int batchSize = 8192) =>
        shared.Runtime.LoadModel(RepoPaths.Model(stem), new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = batchSize });

    private static double MaxDiff(ModelOutput actual, Fixture fixture, string output) =>
        FixtureOutputTests.Compare(actual, fixture.Expected(output), fixture.AbsTolerance, fixture.RelTolerance);

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(8192)]
    public void A_fixed_batch_of_four_pads_the_last_batch_and_drops_the_padded_rows(int batchSize)
    {
        var fixture = Fixture.Load("fixed_batch4_breast_cancer");
        using var model = Load(fixture.Stem, batchSize);

        var outputs = model.Run(fixture.Inputs(fixture.Data()));

        Assert.Equal(4, model.BatchSize);
        Assert.Equal(171, outputs.RowCount);
        Assert.Equal([171L, 2L], outputs["probabilities"].Shape);
        MaxDiff(outputs["probabilities"], fixture, "probabilities");
    }

    [Fact]
    public void A_fixed_batch_model_scores_and_times_any_number_of_rows()
    {
        var fixture = Fixture.Load("fixed_batch4_breast_cancer");
        using var model = Load(fixture.Stem);
        var inputs = model.Prepare(fixture.Inputs(fixture.Data()));

        var scored = model.Score(inputs, new ScoreRequest { Task = TaskKind.Binary });
        var latency = model.MeasureLatency(inputs, batchSize: 10, calls: 2, warmupCalls: 0);

        Assert.Equal(171, scored.Predictions.RowCount);
        Assert.Equal(2, latency.Milliseconds.Count);
    }

    [Theory]
    [InlineData("fp16_breast_cancer")]
    [InlineData("fp64_breast_cancer")]
    public void Float16_and_float64_inputs_and_outputs_are_converted(string stem)
    {
        var fixture = Fixture.Load(stem);
        using var model = Load(stem, batchSize: 50);

        var outputs = model.Run(fixture.Inputs(fixture.Data()));
        var scored = model.Score(fixture.Inputs(fixture.Data()), new ScoreRequest { Task = TaskKind.Binary });

        MaxDiff(outputs["probabilities"], fixture, "probabilities");
        Assert.Equal(ScoreKind.Probabilities, scored.Kind);
        Assert.Equal(2, scored.Predictions.ClassCount);
    }

    [Fact]
    public void A_float16_input_gets_each_value_rounded_once_to_the_nearest_float16()
    {
        using var model = Load("fp16_breast_cancer");
        // 1 + 2^-11 + 2^-40 lies just above the midpoint of 1 and the next float16; through float32 it would round to
        // the midpoint first and then (ties to even) down to 1.
        var value = 1 + Math.Pow(2, -11) + Math.Pow(2, -40);
        var columns = Enumerable.Range(0, 30).Select(i => InputColumn.Numeric($"c{i}", [value])).ToList();

        var prepared = model.Prepare([ModelInput.Dense("input", columns)]);

        var buffer = Assert.IsType<Microsoft.ML.OnnxRuntime.Float16[]>(prepared.Inputs[0].Buffer);
        Assert.Equal((double)(Half)value, (double)BitConverter.UInt16BitsToHalf(buffer[0].value));
        Assert.NotEqual(1.0, (double)BitConverter.UInt16BitsToHalf(buffer[0].value));
    }

    [Theory]
    [InlineData("reshape_digits")]
    [InlineData("cnn_digits")]
    public void Side_by_side_columns_fill_any_fixed_shape_with_as_many_values(string stem)
    {
        var fixture = Fixture.Load(stem);
        var data = fixture.Data();
        var columns = Enumerable.Range(0, 64).Select(i => data.Numeric($"p{i}")).ToList();
        using var model = Load(stem);

        var dense = model.Run([ModelInput.Dense("pixels", columns)]);
        var reshaped = model.Run([ModelInput.Reshaped("pixels", columns, stem == "cnn_digits" ? [1, 8, 8] : [8, 8])]);
        var squeezed = model.Run([ModelInput.Reshaped("pixels", columns, stem == "cnn_digits" ? [8, 8] : [1, 8, 8])]);

        MaxDiff(dense["probabilities"], fixture, "probabilities");
        Assert.Equal(reshaped["probabilities"].Numbers, dense["probabilities"].Numbers);
        Assert.Equal(squeezed["probabilities"].Numbers, dense["probabilities"].Numbers);
    }

    [Fact]
    public void Columns_that_do_not_fill_the_shape_name_the_values_per_row_it_needs()
    {
        using var model = Load("reshape_digits");
        var columns = Enumerable.Range(0, 63).Select(i => InputColumn.Numeric($"p{i}", [0.0])).ToList();

        var ex = Assert.Throws<OnnxModelException>(() => model.Prepare([ModelInput.Dense("pixels", columns)]));

        Assert.Contains("the model expects [N, 8, 8] (64 values per row) but the columns were laid out as a [N, 63] tensor from 63 columns", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(50)]
    public void A_one_by_n_output_is_read_as_one_value_per_row(int batchSize)
    {
        var fixture = Fixture.Load("row_output_breast_cancer");
        using var model = Load(fixture.Stem, batchSize);

        var outputs = model.Run(fixture.Inputs(fixture.Data()));
        var scored = model.Score(fixture.Inputs(fixture.Data()), new ScoreRequest { Task = TaskKind.Binary });

        Assert.Equal([171L, 1L], outputs["probability"].Shape);
        MaxDiff(outputs["probability"], fixture, "probability");
        Assert.Equal(2, scored.Predictions.ClassCount);
        Assert.Equal(outputs["probability"].Numbers[170], scored.Predictions.Row(170)[1]);
    }
}
