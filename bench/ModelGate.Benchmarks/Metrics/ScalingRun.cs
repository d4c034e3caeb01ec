using System.Diagnostics;
using System.Globalization;
using ModelGate.Core;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Statistics;

namespace ModelGate.Benchmarks.Metrics;

/// <summary>
/// How the judge's bootstrap grows with slices and with classes (docs/scaling.md): synthetic holdouts, two models,
/// a fixed number of rows and resamples, one timed run per point. Slices: the overall set (ROC AUC, log loss,
/// accuracy, Brier, ECE) plus S slice sets of 8 groups each (ROC AUC, accuracy). Classes: K-class models, the overall
/// set (one-vs-rest ROC AUC, log loss, accuracy, ECE) plus one 8-group slice.
/// </summary>
public static class ScalingRun
{
    /// <summary>Runs both sweeps and prints a line per point.</summary>
    public static void Execute(int rows, int resamples)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows={rows} resamples={resamples} threads={Environment.ProcessorCount} block path={MetricSet.BlockSupported}"));
        foreach (var slices in new[] { 1, 4, 16 })
        {
            var (labels, candidate, baseline, groups) = Generate(rows, 2, slices, 1);
            var models = new[] { new ScoredModel(TaskKind.Binary, labels, candidate), new ScoredModel(TaskKind.Binary, labels, baseline) };
            var sets = models.SelectMany(m => new[] { new MetricSet(m, [new("roc_auc"), new("log_loss"), new("accuracy"), new("brier"), new("ece")]) }
                .Concat(groups.Select(g => new MetricSet(m, [new("roc_auc"), new("accuracy")], g)))).ToList();
            Time($"slices={slices,2} (binary)", sets, resamples);
        }

        foreach (var classes in new[] { 2, 4, 10 })
        {
            var (labels, candidate, baseline, groups) = Generate(rows, classes, 1, 2);
            var task = classes == 2 ? TaskKind.Binary : TaskKind.Multiclass;
            var models = new[] { new ScoredModel(task, labels, candidate), new ScoredModel(task, labels, baseline) };
            var sets = models.SelectMany(m => new[] { new MetricSet(m, [new("roc_auc"), new("log_loss"), new("accuracy"), new("ece")], groups[0]) }).ToList();
            Time($"classes={classes,2} (1 slice)", sets, resamples);
        }
    }

    private static void Time(string what, List<MetricSet> sets, int resamples)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        PairedBootstrap.Run(sets, resamples, 1);
        var wall = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {sets.Count} metric sets, {wall:F2} s wall, {(Environment.CpuUsage.TotalTime - cpu).TotalSeconds:F2} s CPU for {resamples} resamples ({1000 * wall / resamples:F2} ms per resample); managed heap {GC.GetTotalMemory(false) / 1_048_576} MiB"));
    }

    // Labels uniform over K classes; each model's scores a softmax of a noisy one-hot margin (float32-rounded, so ties
    // occur); each slice column 8 random groups.
    private static (int[] Labels, Predictions Candidate, Predictions Baseline, SliceColumn[] Slices) Generate(int rows, int classes, int slices, int seed)
    {
        var random = new Random(seed);
        var labels = new int[rows];
        var candidate = new double[rows * classes];
        var baseline = new double[rows * classes];
        for (var i = 0; i < rows; i++)
        {
            var y = classes == 2 ? (random.NextDouble() < 0.3 ? 1 : 0) : random.Next(classes);
            labels[i] = y;
            Softmax(random, y, candidate.AsSpan(i * classes, classes), 0.9);
            Softmax(random, y, baseline.AsSpan(i * classes, classes), 1.1);
        }

        var columns = Enumerable.Range(0, slices).Select(s => new SliceColumn(
            "s" + s.ToString(CultureInfo.InvariantCulture),
            [.. Enumerable.Range(0, rows).Select(_ => random.Next(8))],
            [.. Enumerable.Range(0, 8).Select(g => "g" + g.ToString(CultureInfo.InvariantCulture))])).ToArray();
        return (labels, new Predictions(candidate, rows, classes), new Predictions(baseline, rows, classes), columns);
    }

    private static void Softmax(Random random, int y, Span<double> p, double noise)
    {
        var sum = 0.0;
        for (var k = 0; k < p.Length; k++)
        {
            var margin = (k == y ? 1.5 : 0) + (noise * (random.NextDouble() - 0.5) * 3);
            p[k] = Math.Exp(margin);
            sum += p[k];
        }

        for (var k = 0; k < p.Length; k++)
        {
            p[k] = (float)(p[k] / sum);
        }
    }
}
