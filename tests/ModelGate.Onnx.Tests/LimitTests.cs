using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>
/// The two limits a run can hit, on the real CNN fixture through real ORT: the per-batch time budget (RunOptions
/// terminate) and the CPU arena ceiling. Both are environment errors (exit 4) on one line, naming the model and the fix.
/// </summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class LimitTests(SharedRuntime shared)
{
    private const int Rows = 20_000;

    private static Inputs.PreparedInputs CnnRows(OnnxModel model, int rows = Rows)
    {
        var fixture = Fixture.Load("cnn_digits");
        return model.Prepare(fixture.Inputs(fixture.Data())).Tiled(rows);
    }

    private static void AssertLimit(OnnxModel model, OnnxLimit limit, string message, string fixNames, int rows = Rows)
    {
        var ex = Assert.Throws<OnnxLimitException>(() => model.Run(CnnRows(model, rows)));
        Assert.Equal(limit, ex.Limit);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Contains(fixNames, ex.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_batch_that_runs_past_its_time_budget_is_stopped_with_exit_4()
    {
        // 1 ms against one batch of 200,000 images: an idle machine finished 20,000 before the timer's callback ran.
        const int rows = 200_000;
        var settings = new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = rows, BatchTimeBudget = TimeSpan.FromMilliseconds(1) };
        using var model = shared.Runtime.LoadModel(RepoPaths.Model("cnn_digits"), settings);

        AssertLimit(model, OnnxLimit.BatchTime, "cnn_digits.onnx: one batch ran longer than its time budget of 0.001 s", SessionSettings.BatchTimeBudgetVariable, rows);
    }

    [Fact]
    public void The_budget_is_per_batch_so_a_call_of_many_short_batches_may_run_longer_than_it()
    {
        // One call of 100,000 single-image batches takes seconds; each batch takes well under a millisecond.
        var budget = TimeSpan.FromMilliseconds(500);
        const int rows = 100_000;
        using var model = shared.Runtime.LoadModel(RepoPaths.Model("cnn_digits"), new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = 1, BatchTimeBudget = budget });
        var inputs = CnnRows(model, rows);

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Assert.Equal(rows, model.Run(inputs).RowCount);
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) > budget, "the call must outlast one batch's budget for this test to mean anything");
    }

    [Fact]
    public void The_same_batch_within_its_budget_scores_normally()
    {
        using var model = shared.Runtime.LoadModel(RepoPaths.Model("cnn_digits"), new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = Rows });
        Assert.Equal(Rows, model.Run(CnnRows(model)).RowCount);
    }

    [Fact]
    public void A_run_that_needs_more_than_the_cpu_arena_ceiling_fails_with_exit_4()
    {
        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions
        {
            ReadEnvironmentVariable = false,
            UseSystemLoader = false,
            Device = DeviceRequest.Cpu,
            CpuArenaLimitBytes = 256 * 1024,
        });
        using var model = runtime.LoadModel(RepoPaths.Model("cnn_digits"), new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = Rows });

        AssertLimit(model, OnnxLimit.CpuMemory, "needed more CPU memory than its ceiling of 0.3 MiB", OnnxRuntimeOptions.CpuArenaLimitVariable);
    }
}
