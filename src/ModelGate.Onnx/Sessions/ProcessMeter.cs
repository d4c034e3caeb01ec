using System.Diagnostics;

namespace ModelGate.Onnx.Sessions;

/// <summary>The process's working set and CPU time, read fresh each call (for resource-cost measurements).</summary>
internal static class ProcessMeter
{
    /// <summary>The working set (resident memory) in bytes now.</summary>
    public static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>The working set after a full blocking garbage collection, as the baseline before loading a session.</summary>
    public static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return WorkingSet();
    }

    /// <summary>User plus system CPU time of every thread of the process so far.</summary>
    public static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
