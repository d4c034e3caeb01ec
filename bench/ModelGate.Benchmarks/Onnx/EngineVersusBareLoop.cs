using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Benchmarks.Onnx;

/// <summary>
/// Rows per second for the MLP fixture: ModelGate's engine (OnnxModel.Score on prepared columns, giving
/// Predictions) against a bare loop over the same ORT calls on the same session. Engine and bare runs alternate
/// rep by rep, so load from other processes on a shared machine hits both alike; the paired ratio is reported.
/// The best rep of each is also shown: on a loaded machine it is the least disturbed measurement.
/// Usage: onnx [--rows 16384] [--reps 15] [--threads 0]
/// </summary>
internal static class EngineVersusBareLoop
{
    private static readonly int[] BatchSizes = [1, 64, 1024, 8192];

    public static int Run(string[] args)
    {
        var rows = Option(args, "--rows", 16384);
        var reps = Option(args, "--reps", 15);
        var threads = Option(args, "--threads", 0);
        var workload = MlpWorkload.Load(rows);
        using var runtime = OnnxRuntime.Open();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ONNX Runtime {runtime.Version} ({runtime.HowFound}); {Environment.ProcessorCount} logical CPUs; {RuntimeInformation.OSDescription}; {RuntimeInformation.ProcessArchitecture}; .NET {Environment.Version}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mlp_breast_cancer.onnx, {rows} rows x 30 float features per rep, {reps} reps, intra-op threads {threads} (0 = ORT default)"));
        Console.WriteLine();
        var wall = new List<string>();
        var cpu = new List<string>();

        foreach (var batch in BatchSizes)
        {
            using var model = runtime.LoadModel(workload.ModelPath, new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = batch, IntraOpThreads = threads });
            using var bare = new BareLoop(model);
            var prepared = model.Prepare([ModelInput.Dense("input", workload.Columns)]);
            CheckSameScores(model.Score(prepared).Predictions.Scores, bare.Score(workload.RowMajor, rows, batch));

            for (var i = 0; i < 3; i++)
            {
                model.Score(prepared);
                bare.Score(workload.RowMajor, rows, batch);
            }

            var engine = new double[reps];
            var reference = new double[reps];
            var engineCpu = new double[reps];
            var referenceCpu = new double[reps];
            for (var rep = 0; rep < reps; rep++)
            {
                // Alternate which goes first so neither always runs on a warmer cache.
                if (rep % 2 == 0)
                {
                    (engine[rep], engineCpu[rep]) = RowsPerSecond(rows, () => model.Score(prepared));
                    (reference[rep], referenceCpu[rep]) = RowsPerSecond(rows, () => bare.Score(workload.RowMajor, rows, batch));
                }
                else
                {
                    (reference[rep], referenceCpu[rep]) = RowsPerSecond(rows, () => bare.Score(workload.RowMajor, rows, batch));
                    (engine[rep], engineCpu[rep]) = RowsPerSecond(rows, () => model.Score(prepared));
                }
            }

            wall.Add(Row(batch, engine, reference));
            cpu.Add(Row(batch, engineCpu, referenceCpu));
        }

        Console.WriteLine("Wall-clock rows/s:");
        Console.WriteLine();
        Console.WriteLine(Header);
        wall.ForEach(Console.WriteLine);
        if (ThreadCpuClock.IsAvailable)
        {
            Console.WriteLine();
            Console.WriteLine("Rows per CPU-second of the calling thread (meaningful with --threads 1, where ORT computes on that thread):");
            Console.WriteLine();
            Console.WriteLine(Header);
            cpu.ForEach(Console.WriteLine);
        }

        return 0;
    }

    private const string Header =
        "| batch | engine rows/s median (p25–p75) | bare rows/s median (p25–p75) | engine / bare, median of paired reps | engine best | bare best | best / best |\n" +
        "|---:|---:|---:|---:|---:|---:|---:|";

    private static string Row(int batch, double[] engine, double[] reference)
    {
        var ratios = engine.Zip(reference, (e, b) => e / b).ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {batch} | {Median(engine):N0} ({Quantile(engine, 0.25):N0}–{Quantile(engine, 0.75):N0}) | {Median(reference):N0} ({Quantile(reference, 0.25):N0}–{Quantile(reference, 0.75):N0}) | {Median(ratios):F3} | {engine.Max():N0} | {reference.Max():N0} | {engine.Max() / reference.Max():F3} |");
    }

    private static void CheckSameScores(double[] engine, double[] bare)
    {
        if (!engine.AsSpan().SequenceEqual(bare))
        {
            throw new InvalidOperationException("The engine and the bare loop disagree: the comparison would be meaningless.");
        }
    }

    private static (double Wall, double Cpu) RowsPerSecond(int rows, Action action)
    {
        var cpuStart = ThreadCpuClock.IsAvailable ? ThreadCpuClock.Seconds() : 0;
        var start = Stopwatch.GetTimestamp();
        action();
        var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpu = ThreadCpuClock.IsAvailable ? ThreadCpuClock.Seconds() - cpuStart : wall;
        return (rows / wall, rows / cpu);
    }

    private static double Median(double[] values) => Quantile(values, 0.5);

    private static double Quantile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
