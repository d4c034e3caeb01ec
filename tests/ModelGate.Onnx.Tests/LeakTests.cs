using System.Diagnostics;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>Runs alone (no parallel tests), because it watches the whole process's working set.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryGroup : ICollectionFixture<SharedRuntime>
{
    public const string Name = "Memory (alone)";
}

/// <summary>Creating and releasing native objects thousands of times leaves process memory flat.</summary>
[Collection(MemoryGroup.Name)]
public sealed class LeakTests(SharedRuntime shared)
{
    [Fact]
    public void Running_thousands_of_times_keeps_process_memory_flat()
    {
        using var model = shared.Runtime.LoadModel(Repo.Model("zipmap_string_titanic"), new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = 16 });
        var fixture = Fixture.Load("zipmap_string_titanic");
        var all = fixture.Inputs(fixture.Data());
        var prepared = model.Prepare([ModelInput.Dense("input", all[0].Columns.Select(c => InputColumn.Numeric(c.Name, c.Numbers![..16])).ToList())]);

        // Warm-up grows the working set for a while (JIT tiers, ORT and malloc arenas) and then levels off;
        // a leak keeps growing. So: warm up, then require the next 8,000 calls to add (almost) nothing.
        for (var i = 0; i < 8_000; i++)
        {
            model.Run(prepared);
        }

        var before = WorkingSet();
        for (var i = 0; i < 8_000; i++)
        {
            model.Run(prepared);
        }

        var after = WorkingSet();

        // 6 MiB over 8,000 calls would be a leak of over 600 bytes per call; each call here creates and releases
        // about 40 native objects (tensors, a sequence, 16 maps with key and value tensors, strings).
        Assert.True(after - before < 6L * 1024 * 1024, $"working set grew by {(after - before) / 1024} KiB over 8,000 Run calls");
    }

    private static long WorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }
}
