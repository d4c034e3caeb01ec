using System.Diagnostics;
using System.Globalization;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Benchmarks.Onnx;

/// <summary>
/// Rows per second of the convolutional fixture (cnn_digits: 1x8x8 images, two conv layers) on CUDA and on the CPU,
/// in one process with the CUDA build of ONNX Runtime loaded (its CPU provider is the CPU side), and the largest
/// difference between the two sets of probabilities. Prints "SKIP: ..." and returns 0 where CUDA is not usable;
/// returns 1 when the scores differ by more than the tolerance.
/// Usage: gpu [--rows 200000] [--reps 5] [--tolerance 1e-4]
/// </summary>
internal static class CudaVersusCpu
{
    public static int Run(string[] args)
    {
        var rows = (int)Option(args, "--rows", 200_000);
        var reps = (int)Option(args, "--reps", 5);
        var tolerance = Option(args, "--tolerance", 1e-4);
        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { Device = DeviceRequest.Cuda() });
        if (!runtime.Cuda.Ready)
        {
            Console.WriteLine($"SKIP: no usable GPU: {runtime.Cuda.Reason}. Fix: {runtime.Cuda.Fix}");
            return 0;
        }

        var model = Path.Combine(MlpWorkload.FindRepoRoot(), "tests", "fixtures", "models", "cnn_digits.onnx");
        using var cuda = runtime.LoadModel(model, new SessionSettings { Device = DeviceRequest.Cuda() });
        using var cpu = runtime.LoadModel(model, new SessionSettings { Device = DeviceRequest.Cpu });
        var inputs = DigitsImages(cpu).Tiled(rows);
        Console.WriteLine($"ONNX Runtime {runtime.Version} {runtime.Build} build ({runtime.LibraryPath}); {cuda.Device.Reason}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cnn_digits.onnx, {rows} rows (the 540 holdout rows tiled), batch {SessionSettings.DefaultBatchSize}, {reps} reps after 1 warm-up"));

        var onGpu = cuda.Score(inputs).Predictions.Scores;
        var onCpu = cpu.Score(inputs).Predictions.Scores;
        var maxDiff = onGpu.Zip(onCpu, (a, b) => Math.Abs(a - b)).Max();
        var labelsAgree = Enumerable.Range(0, rows).Count(r => ArgMax(onGpu, r) == ArgMax(onCpu, r));
        var cudaRate = Best(reps, rows, () => cuda.Score(inputs));
        var cpuRate = Best(reps, rows, () => cpu.Score(inputs));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CUDA: {cudaRate:N0} rows/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU:  {cpuRate:N0} rows/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"speedup CUDA / CPU: {cudaRate / cpuRate:0.00}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"max |p_cuda - p_cpu| = {maxDiff:E2} (tolerance {tolerance:E0}); argmax labels agree on {labelsAgree} of {rows} rows"));
        if (maxDiff > tolerance)
        {
            Console.WriteLine("FAIL: CUDA and CPU scores differ by more than the tolerance");
            return 1;
        }

        return 0;
    }

    private static PreparedInputs DigitsImages(OnnxModel model)
    {
        var lines = File.ReadAllLines(Path.Combine(MlpWorkload.FindRepoRoot(), "tests", "fixtures", "data", "digits.holdout.csv"));
        var header = lines[0].Split(',');
        var body = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        var columns = Enumerable.Range(0, 64).Select(p =>
        {
            var index = Array.IndexOf(header, "p" + p.ToString(CultureInfo.InvariantCulture));
            return InputColumn.Numeric(header[index], body.Select(cells => double.Parse(cells[index], CultureInfo.InvariantCulture)).ToArray());
        }).ToList();
        return model.Prepare([ModelInput.Image("pixels", columns, 1, 8, 8)]);
    }

    private static int ArgMax(double[] scores, int row)
    {
        const int classes = 10;
        var best = 0;
        for (var k = 1; k < classes; k++)
        {
            best = scores[(row * classes) + k] > scores[(row * classes) + best] ? k : best;
        }

        return best;
    }

    private static double Best(int reps, int rows, Action run)
    {
        run();
        var best = 0.0;
        for (var i = 0; i < reps; i++)
        {
            var start = Stopwatch.GetTimestamp();
            run();
            best = Math.Max(best, rows / Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return best;
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
