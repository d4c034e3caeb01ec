using System.Globalization;
using BenchmarkDotNet.Running;
using ModelGate.Benchmarks.Holdout;
using ModelGate.Benchmarks.Media;
using ModelGate.Benchmarks.Metrics;
using ModelGate.Benchmarks.Onnx;

namespace ModelGate.Benchmarks;

/// <summary>
/// Entry point. Timed side-by-side runs by name (`holdout-read`, `parquet-read`, `wide-header`, `media`, `onnx`, `gpu`, `metrics-resampling [rows] [resamples] [threads]`,
/// `resampling-scale [rows] [resamples]`, `coverage [holdouts] [resamples] [bootstrap holdouts at the largest size] [sizes]`);
/// anything else goes to BenchmarkDotNet's switcher.
/// </summary>
public static class Program
{
    /// <summary>Runs the chosen benchmarks.</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args.Length > 0 ? args[0] : string.Empty)
        {
            case HoldoutReadComparison.Command:
                return HoldoutReadComparison.Run(args[1..]);
            case HoldoutReadComparison.ChildCommand:
                return HoldoutReadComparison.RunChild(args[1..]);
            case ParquetReadComparison.Command:
                return ParquetReadComparison.Run(args[1..]);
            case ParquetReadComparison.ChildCommand:
                return ParquetReadComparison.RunChild(args[1..]);
            case WideHeaderRun.Command:
                return WideHeaderRun.Run(args[1..]);
            case MediaThroughput.Command:
                return MediaThroughput.Run(args[1..]);
            case CoverageStudy.Command:
                return CoverageStudy.Run(args[1..]);
            case "onnx":
                return EngineVersusBareLoop.Run(args[1..]);
            case "gpu":
                return CudaVersusCpu.Run(args[1..]);
            case "metrics-resampling":
                var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
                var resamples = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
                int? threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null;
                ResamplingRun.Execute(rows, resamples, threads);
                return 0;
            case DeLongRun.Command:
                DeLongRun.Execute(
                    args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000,
                    args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60,
                    args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3);
                return 0;
            case "resampling-scale":
                ScalingRun.Execute(
                    args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000,
                    args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200);
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
