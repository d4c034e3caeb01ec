using System.Diagnostics;
using System.Globalization;
using ModelGate.Core.Metrics;
using ModelGate.Core.Statistics;

namespace ModelGate.Benchmarks.Metrics;

/// <summary>
/// The issue-5 timing: 1,000,000 rows, two binary models, 1,000 paired resamples of ROC AUC, log loss, accuracy,
/// Brier and ECE, over the whole holdout and 8 slice groups. One timed run after a small warm-up (not BenchmarkDotNet:
/// a single run takes seconds).
/// </summary>
public static class ResamplingRun
{
    /// <summary>Runs and prints the timing.</summary>
    public static void Execute(int rows, int resamples, int? threads)
    {
        var total = Stopwatch.StartNew();
        var holdout = new SyntheticHoldout(rows);
        var generate = total.Elapsed;

        var warm = new SyntheticHoldout(20_000, 2);
        PairedBootstrap.Run(warm.Sets(), 20, 1);

        var clock = Stopwatch.StartNew();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var sets = holdout.Sets();
        var prepare = clock.Elapsed;
        var replicates = PairedBootstrap.Run(sets, resamples, 20261122, maxDegreeOfParallelism: threads);
        var resample = clock.Elapsed - prepare;
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;

        // Where one resample's time goes (single thread): weights, then each model's metric set.
        var weights = new byte[rows];
        var output = new double[sets[0].OutputCount];
        var step = Environment.CpuUsage.TotalTime;
        for (var b = 0; b < 5; b++)
        {
            ResampleWeights.Fill(1, b, weights);
        }

        var fill = (Environment.CpuUsage.TotalTime - step) / 5;
        var canonical = new byte[rows];
        step = Environment.CpuUsage.TotalTime;
        for (var b = 0; b < 5; b++)
        {
            sets[0].Model.ToCanonical<byte>(weights, canonical);
        }

        var gather = (Environment.CpuUsage.TotalTime - step) / 5;
        step = Environment.CpuUsage.TotalTime;
        for (var b = 0; b < 5; b++)
        {
            sets[0].Evaluate(weights, canonical, output.AsSpan(), null);
        }

        var evaluate = (Environment.CpuUsage.TotalTime - step) / 5;
        foreach (var metric in new[] { "roc_auc", "accuracy", "log_loss", "ece" })
        {
            foreach (var slice in new[] { null, holdout.Slice })
            {
                var only = new MetricSet(new ScoredModel(ModelGate.Core.TaskKind.Binary, holdout.Labels, holdout.Candidate), [new(metric)], slice);
                var o = new double[only.OutputCount];
                only.Evaluate(weights, canonical, o.AsSpan(), null);
                var t = Environment.CpuUsage.TotalTime;
                for (var b = 0; b < 5; b++)
                {
                    only.Evaluate(weights, canonical, o.AsSpan(), null);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {metric} {(slice is null ? "overall" : "overall+8 groups")}: {((Environment.CpuUsage.TotalTime - t) / 5).TotalMilliseconds:F1} ms"));
            }
        }

        var prepareCpu = Environment.CpuUsage.TotalTime;
        _ = holdout.Sets();
        prepareCpu = Environment.CpuUsage.TotalTime - prepareCpu;
        step = Environment.CpuUsage.TotalTime;
        PairedBootstrap.Run(sets, 64, 7, maxDegreeOfParallelism: 1);
        var single = (Environment.CpuUsage.TotalTime - step) / 64;
        step = Environment.CpuUsage.TotalTime;
        PairedBootstrap.Run(sets, 8, 7, maxDegreeOfParallelism: 1, blocks: false);
        var oneByOne = (Environment.CpuUsage.TotalTime - step) / 8;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU time, one thread, one resample at a time: weights {fill.TotalMilliseconds:F1} ms, gather into canonical order {gather.TotalMilliseconds:F1} ms, one model's metric set {evaluate.TotalMilliseconds:F1} ms; a whole paired resample {oneByOne.TotalMilliseconds:F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU time, one thread, eight resamples per pass ({(!MetricSet.BlockSupported ? "not supported here: same as above" : System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? "AVX-512" : "AVX2, two 256-bit halves")}): a whole paired resample {single.TotalMilliseconds:F1} ms; preparing both sets {prepareCpu.TotalMilliseconds:F0} ms"));

        var auc = replicates.Of(0, 0).ToArray();
        Array.Sort(auc);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows={rows} resamples={resamples} threads={threads?.ToString(CultureInfo.InvariantCulture) ?? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)} metrics=5 slots=1+8 models=2"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate data: {generate.TotalSeconds:F2} s (not counted)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prepare (sort once, per-row terms): {prepare.TotalSeconds:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resampling: {resample.TotalSeconds:F2} s ({resample.TotalMilliseconds / resamples:F2} ms per paired resample)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total metrics + resampling: {(prepare + resample).TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU (user+kernel, all threads)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candidate ROC AUC 95% interval: [{auc[(int)(0.025 * (auc.Length - 1))]:F5}, {auc[(int)(0.975 * (auc.Length - 1))]:F5}]"));
    }
}
