using System.Globalization;
using ModelGate.Onnx.Gpu;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Cli;

/// <summary>
/// How the CLI opens ONNX Runtime: --onnxruntime, --device, and the environment (NUGET_PACKAGES for the CUDA build,
/// MODELGATE_CPU_ARENA_LIMIT_MB, MODELGATE_BATCH_TIME_BUDGET), all read from the console so tests control them.
/// </summary>
internal static class RuntimeSetup
{
    /// <summary>The options for OnnxRuntime.Open.</summary>
    public static OnnxRuntimeOptions Options(CliConsole console, string? onnxRuntime, DeviceRequest device, Action<OnnxLogLevel, string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        var arenaMiB = Number(console, OnnxRuntimeOptions.CpuArenaLimitVariable, "a whole number of MiB, e.g. 2048 (0 or unset: no ceiling)");
        return new OnnxRuntimeOptions
        {
            LibraryPath = onnxRuntime is null ? null : console.ResolvePath(onnxRuntime),
            BaseDirectory = AppContext.BaseDirectory,
            Device = device,
            CudaProbe = Probe(console),
            CpuArenaLimitBytes = arenaMiB is null or 0 ? null : arenaMiB * 1024 * 1024,
            Log = log,
        };
    }

    /// <summary>Where the CUDA build is looked for: the console's NUGET_PACKAGES, else ~/.nuget/packages.</summary>
    public static CudaProbeOptions Probe(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return new CudaProbeOptions
        {
            NuGetPackagesFolder = console.Env("NUGET_PACKAGES") is { } packages
                ? console.ResolvePath(packages)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };
    }

    /// <summary>The time one batch may take: MODELGATE_BATCH_TIME_BUDGET seconds (0: no limit), else the default.</summary>
    public static TimeSpan BatchTimeBudget(CliConsole console)
    {
        var seconds = Number(console, SessionSettings.BatchTimeBudgetVariable, "a whole number of seconds, e.g. 600 (0: no limit)");
        return seconds switch
        {
            null => SessionSettings.DefaultBatchTimeBudget,
            0 => Timeout.InfiniteTimeSpan,
            _ => TimeSpan.FromSeconds(seconds.Value),
        };
    }

    private static long? Number(CliConsole console, string variable, string expected)
    {
        var text = console.Env(variable);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= int.MaxValue
            ? value
            : throw new UsageException($"{variable}='{text}' is not {expected}; fix or unset it.");
    }
}
