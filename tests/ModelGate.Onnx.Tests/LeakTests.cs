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
        using var model = shared.Runtime.LoadModel(RepoPaths.Model("zipmap_string_titanic"), new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = 16 });
        var fixture = Fixture.Load("zipmap_string_titanic");
        var all = fixture.Inputs(fixture.Data());
        var prepared = model.Prepare([ModelInput.Dense("input", all[0].Columns.Select(c => InputColumn.Numeric(c.Name, c.Numbers![..16])).ToList())]);

        // Warm-up grows the working set for a while (JIT tiers, ORT and malloc arenas) and then levels off; a leak keeps
        // growing, in every window alike. Windows still move by a few MiB either way without a leak (an arena or GC
        // segment committed late: +7.6 MiB once on CI; -2 to +2.4 MiB per 5,000 calls under a load of 8), so the test
        // takes the median of five long windows: sporadic jumps do not scale with the window, a leak does.
        for (var i = 0; i < 8_000; i++)
        {
            model.Run(prepared);
        }

        const int Window = 20_000;
        var growth = new List<long>();
        var last = WorkingSet();
        for (var w = 0; w < 5; w++)
        {
            for (var i = 0; i < Window; i++)
            {
                model.Run(prepared);
            }

            var now = WorkingSet();
            growth.Add(now - last);
            last = now;
        }

        // A leak of 200 bytes per call (each call creates and releases about 40 native objects: tensors, a sequence,
        // 16 maps with key and value tensors, strings) adds 4 MB to every window, so to the median too.
        growth.Sort();
        var median = growth[growth.Count / 2];
        Assert.True(
            median < 4_000_000,
            $"working set grew by a median {median / 1024} KiB per {Window:N0} Run calls (windows: {string.Join(", ", growth.Select(g => g / 1024))} KiB)");
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
