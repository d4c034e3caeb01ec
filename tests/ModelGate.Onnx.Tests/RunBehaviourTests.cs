using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>Batching, determinism, side-by-side sessions, latency samples and memory that stays flat.</summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class RunBehaviourTests(SharedRuntime shared)
{
    private static readonly Fixture Mlp = Fixture.Load("mlp_breast_cancer");

    private static IReadOnlyList<ModelInput> MlpInputs() => Mlp.Inputs(Mlp.Data());

    [Fact]
    public void Batch_size_does_not_change_the_outputs_and_identical_inputs_give_identical_outputs()
    {
        using var whole = shared.Runtime.LoadModel(Mlp.ModelPath, new SessionSettings { Device = DeviceRequest.Cpu });
        using var small = shared.Runtime.LoadModel(Mlp.ModelPath, new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = 7, IntraOpThreads = 1 });
        var prepared = whole.Prepare(MlpInputs());

        var first = whole.Run(prepared)["probabilities"].Numbers;
        var again = whole.Run(prepared)["probabilities"].Numbers;
        var batched = small.Run(prepared)["probabilities"].Numbers;

        Assert.Equal(first, again);
        Assert.Equal(first.Length, batched.Length);
        for (var i = 0; i < first.Length; i++)
        {
            Assert.InRange(Math.Abs(first[i] - batched[i]), 0, 1e-6);
        }
    }

    [Fact]
    public void Candidate_and_baseline_run_side_by_side_on_threads_with_the_same_results_as_alone()
    {
        using var candidate = shared.Runtime.LoadModel(Mlp.ModelPath, new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = 16 });
        using var baseline = shared.Runtime.LoadModel(RepoPaths.Model("mlp_breast_cancer_degraded"), new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = 16 });
        var prepared = candidate.Prepare(MlpInputs());
        var aloneCandidate = candidate.Score(prepared).Predictions.Scores;
        var aloneBaseline = baseline.Score(prepared).Predictions.Scores;

        var results = new double[8][];
        Parallel.For(0, 8, i => results[i] = (i % 2 == 0 ? candidate : baseline).Score(prepared).Predictions.Scores);

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(i % 2 == 0 ? aloneCandidate : aloneBaseline, results[i]);
        }

        Assert.NotEqual(aloneCandidate, aloneBaseline);
    }

    [Fact]
    public void Latency_returns_one_positive_sample_per_timed_call()
    {
        using var model = shared.Runtime.LoadModel(Mlp.ModelPath, new SessionSettings { Device = DeviceRequest.Cpu });
        var prepared = model.Prepare(MlpInputs());

        var samples = model.MeasureLatency(prepared, batchSize: 64, calls: 20);

        Assert.Equal(64, samples.BatchSize);
        Assert.Equal(20, samples.Milliseconds.Count);
        Assert.All(samples.Milliseconds, ms => Assert.InRange(ms, 1e-6, 1000));

        // Larger than the holdout (171 rows): the rows are repeated to fill the batch.
        var large = model.MeasureLatency(prepared, batchSize: 1000, calls: 3);
        Assert.Equal(1000, large.BatchSize);
        Assert.Equal(3, large.Milliseconds.Count);
        var tiled = prepared.Tiled(400);
        Assert.Equal(400, tiled.RowCount);
        Assert.Equal(model.Run(prepared)["probabilities"].Numbers[..20], model.Run(tiled)["probabilities"].Numbers[342..362]);
    }

    [Fact]
    public void Zero_rows_give_empty_outputs()
    {
        using var model = shared.Runtime.LoadModel(Mlp.ModelPath, new SessionSettings { Device = DeviceRequest.Cpu });
        var empty = Enumerable.Range(0, 30).Select(i => InputColumn.Numeric("c" + i, [])).ToList();

        var scored = model.Score([ModelInput.Dense("input", empty)]);

        Assert.Equal(0, scored.Predictions.RowCount);
    }
}
