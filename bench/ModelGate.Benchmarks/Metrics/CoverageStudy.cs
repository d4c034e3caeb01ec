using System.Globalization;
using ModelGate.Core;
using ModelGate.Core.Metrics;
using ModelGate.Core.Statistics;

namespace ModelGate.Benchmarks.Metrics;

/// <summary>
/// The coverage study of docs/statistics.md: a known population of 2,000,000 rows (binary labels, two correlated
/// models), holdouts drawn from it with replacement (so the population's own metric is the true value exactly), and
/// for each holdout the 95% interval of every metric family by the analytic method and by the row-level percentile
/// bootstrap. Prints, per size and metric, the share of holdouts whose interval holds the true value.
/// </summary>
public static class CoverageStudy
{
    /// <summary>The command name.</summary>
    public const string Command = "coverage";

    private const int Population = 2_000_000;

    private static readonly string[] Metrics = ["roc_auc", "accuracy", "log_loss", "brier", "precision", "recall", "f1", "mcc"];

    /// <summary>
    /// Runs the study: <c>coverage [holdouts] [resamples] [bootstrap holdouts at 100k] [sizes, comma-separated] [first holdout]</c>
    /// (defaults 1000, 200, 100, 1000,10000,100000, 0; a first holdout of 1000 draws the next thousand holdouts).
    /// </summary>
    public static int Run(string[] args)
    {
        var holdouts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var resamples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var bootstrapAtLargest = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
        var sizes = args.Length > 3 ? args[3].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [1_000, 10_000, 100_000];
        var firstHoldout = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0; // another set of holdouts: 1000 for the next thousand
        var (labels, candidate, baseline) = Generate(Population, 20261207);
        var population = Models(labels, candidate, baseline);
        var truth = Metrics.ToDictionary(m => m, m => Truth(population, m));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"population {Population:N0} rows; holdouts {holdouts} (bootstrap at {sizes.Max():N0}: {bootstrapAtLargest}); resamples {resamples}; 95% intervals"));
        Console.WriteLine("| rows | metric | analytic: estimate | analytic: delta | bootstrap: estimate | bootstrap: delta | holdouts (analytic / bootstrap) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var n in sizes)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var bootHoldouts = n == sizes.Max() ? Math.Min(bootstrapAtLargest, holdouts) : holdouts;
            var hits = Metrics.ToDictionary(m => m, _ => new int[4]);
            var counted = Metrics.ToDictionary(m => m, _ => new int[4]);
            for (var h = 0; h < holdouts; h++)
            {
                var random = new Random((n * 7919) + firstHoldout + h);
                var rows = new int[n];
                for (var i = 0; i < n; i++)
                {
                    rows[i] = random.Next(Population);
                }

                var (c, b) = Models([.. rows.Select(i => labels[i])], [.. rows.Select(i => candidate[i])], [.. rows.Select(i => baseline[i])]);
                var requests = Metrics.Select(m => new MetricRequest(m)).ToArray();
                var points = new[] { c, b }.Select(model =>
                {
                    var values = new MetricValue[requests.Length];
                    new MetricSet(model, requests).Evaluate(Metric.Ones(n), values);
                    return values;
                }).ToArray();
                BootstrapReplicates? replicates = h < bootHoldouts ? PairedBootstrap.Run([new MetricSet(c, requests), new MetricSet(b, requests)], resamples, (ulong)(h + 1)) : null;
                var z = AnalyticIntervals.Z(0.95);
                for (var r = 0; r < requests.Length; r++)
                {
                    var metric = Metrics[r];
                    var (tc, tb) = truth[metric];
                    var pc = points[0][r].Value;
                    var pd = pc - points[1][r].Value;
                    if (AnalyticIntervals.Compute(c, b, null, requests[r]) is { } errors && double.IsFinite(errors.Candidate[0]) && double.IsFinite(errors.Delta[0]))
                    {
                        Count(hits[metric], counted[metric], 0, Math.Abs(pc - tc) <= z * errors.Candidate[0]);
                        Count(hits[metric], counted[metric], 1, Math.Abs(pd - (tc - tb)) <= z * errors.Delta[0]);
                    }

                    if (replicates is not null)
                    {
                        var rc = replicates.Of(0, r).ToArray();
                        var rd = rc.Zip(replicates.Of(1, r).ToArray(), (x, y) => x - y).ToArray();
                        if (Percentile.Interval(rc, 0.95) is { } ic && Percentile.Interval(rd, 0.95) is { } id)
                        {
                            Count(hits[metric], counted[metric], 2, ic.Contains(tc));
                            Count(hits[metric], counted[metric], 3, id.Contains(tc - tb));
                        }
                    }
                }
            }

            foreach (var metric in Metrics)
            {
                var h = hits[metric];
                var k = counted[metric];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n:N0} | {metric} | {Share(h[0], k[0])} | {Share(h[1], k[1])} | {Share(h[2], k[2])} | {Share(h[3], k[3])} | {k[0]} / {k[2]} |"));
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n} rows: {clock.Elapsed.TotalSeconds:F1} s"));
        }

        return 0;
    }

    private static void Count(int[] hits, int[] counted, int k, bool hit)
    {
        counted[k]++;
        hits[k] += hit ? 1 : 0;
    }

    private static string Share(int hits, int counted) => counted == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * hits / counted:F1}%");

    private static (double Candidate, double Baseline) Truth((ScoredModel C, ScoredModel B) population, string metric)
    {
        double Of(ScoredModel m)
        {
            var values = new MetricValue[1];
            new MetricSet(m, [new MetricRequest(metric)]).Evaluate(Metric.Ones(m.RowCount), values);
            return values[0].Value;
        }

        return (Of(population.C), Of(population.B));
    }

    // Both models from each row's P(positive).
    private static (ScoredModel C, ScoredModel B) Models(int[] labels, double[] candidate, double[] baseline)
    {
        var n = labels.Length;
        return (new ScoredModel(TaskKind.Binary, labels, new ModelGate.Core.Evaluation.Predictions([.. candidate.SelectMany(p => new[] { 1 - p, p })], n, 2)),
            new ScoredModel(TaskKind.Binary, [.. labels], new ModelGate.Core.Evaluation.Predictions([.. baseline.SelectMany(p => new[] { 1 - p, p })], n, 2)));
    }

    // Labels with prevalence 0.35; P(positive) of each model is a logistic of the label, a shared noise and its own.
    private static (int[] Labels, double[] Candidate, double[] Baseline) Generate(int rows, int seed)
    {
        var random = new Random(seed);
        var labels = new int[rows];
        var c = new double[rows];
        var b = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.NextDouble() < 0.35 ? 1 : 0;
            var shared = Normal(random);
            c[i] = 1 / (1 + Math.Exp(-((1.6 * (labels[i] - 0.5)) + shared + (0.7 * Normal(random)))));
            b[i] = 1 / (1 + Math.Exp(-((1.4 * (labels[i] - 0.5)) + shared + (0.7 * Normal(random)))));
        }

        return (labels, c, b);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
