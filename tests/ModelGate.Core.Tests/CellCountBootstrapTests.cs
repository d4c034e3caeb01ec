using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Statistics;

namespace ModelGate.Core.Tests;

/// <summary>
/// The cell-count bootstrap (one Poisson(n) draw per joint-table cell) against the row-level one (one Poisson(1) per
/// row): the same counts give the same values, and over many seeds both give the same intervals up to Monte Carlo noise.
/// </summary>
public class CellCountBootstrapTests
{
    private const int Rows = 3000;

    // 30 seeds × 1,000 resamples per path. Tolerance: a mean difference over the seeds beyond 4 standard errors of the
    // seed-to-seed differences (two-sided p ≈ 6e-5 per comparison if the laws agree) fails the test. Seeds are fixed,
    // so the outcome is deterministic.
    private const int Seeds = 30;
    internal const int Resamples = 1000;
    private const double Tolerance = 4.0;

    private static readonly string[] Binary = ["accuracy", "balanced_accuracy", "precision", "recall", "specificity", "fpr", "fnr", "f1", "mcc", "selection_rate"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_same_counts_give_the_same_values_on_both_paths(bool multiclass)
    {
        var task = multiclass ? TaskKind.Multiclass : TaskKind.Binary;
        var (candidate, baseline, slice) = Data(task, 400, 5);
        var requests = Requests(task);
        var random = new Random(9);
        var weights = Enumerable.Range(0, 400).Select(_ => (double)random.Next(4)).ToArray();
        foreach (var model in new[] { candidate, baseline })
        {
            var set = new MetricSet(model, requests, slice);
            Assert.True(set.CountsSuffice);
            var byRows = new MetricValue[set.OutputCount];
            set.Evaluate(weights, byRows);

            // Each row is its own cell here: the cell path must add them exactly as the row pass does.
            var byCells = new double[set.OutputCount];
            set.EvaluateCells(slice.GroupOf, model.ConfusionCell, weights, byCells);
            Assert.Equal(byRows.Select(v => v.Value), byCells);
        }
    }

    [Fact]
    public void A_set_with_a_ranked_or_additive_metric_needs_the_row_path()
    {
        var (candidate, _, slice) = Data(TaskKind.Binary, 100, 6);
        Assert.False(new MetricSet(candidate, [new MetricRequest("accuracy"), new MetricRequest("roc_auc")], slice).CountsSuffice);
        Assert.False(new MetricSet(candidate, [new MetricRequest("log_loss")]).CountsSuffice);
        Assert.Throws<ArgumentException>(() => CellCountBootstrap.Run([new MetricSet(candidate, [new MetricRequest("brier")])], 10, 1));
    }

    [Fact]
    public void Cell_counts_do_not_depend_on_the_thread_count_and_a_model_against_itself_has_zero_deltas()
    {
        var (candidate, _, slice) = Data(TaskKind.Binary, 500, 7);
        AssertThreadFreeAndSelfPaired(new MetricSet(candidate, Requests(TaskKind.Binary), slice), (sets, threads) => CellCountBootstrap.Run(sets, 64, 5, threads));
    }

    /// <summary>Runs two copies of <paramref name="set"/> on 1 and 8 threads: identical replicates, and zero deltas.</summary>
    internal static void AssertThreadFreeAndSelfPaired(MetricSet set, Func<MetricSet[], int, BootstrapReplicates> run)
    {
        var one = run([set, set], 1);
        var many = run([set, set], 8);
        for (var o = 0; o < set.OutputCount; o++)
        {
            Assert.True(one.Of(0, o).SequenceEqual(many.Of(0, o)), $"output {o}");
            Assert.True(one.Of(0, o).SequenceEqual(one.Of(1, o)), $"output {o}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Both_paths_give_the_same_intervals_within_monte_carlo_noise(bool multiclass)
    {
        var task = multiclass ? TaskKind.Multiclass : TaskKind.Binary;
        var (candidate, baseline, slice) = Data(task, Rows, 11);
        AssertSameIntervalsAsRowLevel(task, (candidate, baseline, slice), Requests(task), (sets, seed) => CellCountBootstrap.Run(sets, Resamples, seed), 20);
    }

    /// <summary>
    /// Over <see cref="Seeds"/> seeds, <paramref name="run"/> and the row-level bootstrap give every interval endpoint
    /// and replicate SD of every metric, slot and paired delta (and, binary with selection rate, the demographic parity
    /// difference) within Monte Carlo noise (see <see cref="Compare"/>).
    /// </summary>
    internal static void AssertSameIntervalsAsRowLevel(TaskKind task, (ScoredModel Candidate, ScoredModel Baseline, SliceColumn Slice) data, MetricRequest[] requests, Func<MetricSet[], ulong, BootstrapReplicates> run, int minQuantities)
    {
        var (candidate, baseline, slice) = data;
        var quantities = new List<string>();
        var rowLower = new List<double[]>();
        var rowUpper = new List<double[]>();
        var rowSpread = new List<double[]>();
        var cellLower = new List<double[]>();
        var cellUpper = new List<double[]>();
        var cellSpread = new List<double[]>();
        for (var seed = 0; seed < Seeds; seed++)
        {
            MetricSet[] Sets() => [new MetricSet(candidate, requests, slice), new MetricSet(baseline, requests, slice)];
            var rows = Summaries(PairedBootstrap.Run(Sets(), Resamples, (ulong)(1000 + seed)), Sets()[0], task);
            var cells = Summaries(run(Sets(), (ulong)(1000 + seed)), Sets()[0], task);
            if (seed == 0)
            {
                quantities.AddRange(rows.Select(r => r.Name));
                foreach (var list in new[] { rowLower, rowUpper, rowSpread, cellLower, cellUpper, cellSpread })
                {
                    list.AddRange(rows.Select(_ => new double[Seeds]));
                }
            }

            for (var q = 0; q < rows.Count; q++)
            {
                (rowLower[q][seed], rowUpper[q][seed], rowSpread[q][seed]) = (rows[q].Lower, rows[q].Upper, rows[q].Spread);
                (cellLower[q][seed], cellUpper[q][seed], cellSpread[q][seed]) = (cells[q].Lower, cells[q].Upper, cells[q].Spread);
            }
        }

        var failures = new List<string>();
        for (var q = 0; q < quantities.Count; q++)
        {
            Compare($"{quantities[q]} lower", rowLower[q], cellLower[q], failures);
            Compare($"{quantities[q]} upper", rowUpper[q], cellUpper[q], failures);
            Compare($"{quantities[q]} replicate sd", rowSpread[q], cellSpread[q], failures);
        }

        Assert.True(quantities.Count >= minQuantities, $"only {quantities.Count} quantities compared");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(4.0)]
    [InlineData(9.99)]
    [InlineData(10.0)]
    [InlineData(57.5)]
    [InlineData(250000.0)]
    public void Poisson_variates_have_the_right_mean_variance_and_zero_mass(double lambda)
    {
        const int N = 40000;
        var state = 12345UL;
        var draws = new double[N];
        for (var i = 0; i < N; i++)
        {
            draws[i] = PoissonVariate.Next(lambda, ref state);
        }

        var mean = draws.Average();
        var variance = draws.Sum(d => (d - mean) * (d - mean)) / (N - 1);

        // Mean: 4 standard errors. Variance: its standard error is about λ·sqrt(2/N) (plus λ/N for the 4th cumulant).
        Assert.InRange(mean, lambda - (4 * Math.Sqrt(lambda / N)), lambda + (4 * Math.Sqrt(lambda / N)));
        var varianceError = Math.Sqrt(((2 * lambda * lambda) + lambda) / N);
        Assert.InRange(variance, lambda - (4 * varianceError), lambda + (4 * varianceError));
        var zeros = draws.Count(d => d == 0) / (double)N;
        var p0 = Math.Exp(-lambda);
        Assert.InRange(zeros, p0 - (4 * Math.Sqrt(p0 * (1 - p0) / N)) - 1e-12, p0 + (4 * Math.Sqrt(p0 * (1 - p0) / N)) + 1e-12);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.0)]
    [InlineData(3.0, 0.69314718055994529)]
    [InlineData(7.5, 7.5343642367587330)]
    [InlineData(101.0, 363.73937555556347)]
    public void Log_gamma_matches_known_values(double x, double expected) =>
        Assert.Equal(expected, PoissonVariate.LogGamma(x), 1e-12);

    // A difference in means beyond Tolerance standard errors, or a seed-to-seed spread off by more than 2x, fails.
    internal static void Compare(string name, double[] row, double[] cell, List<string> failures)
    {
        var defined = Enumerable.Range(0, row.Length).Where(i => !double.IsNaN(row[i]) && !double.IsNaN(cell[i])).ToArray();
        if (defined.Length < Seeds / 2)
        {
            failures.Add($"{name}: defined in only {defined.Length} seeds");
            return;
        }

        var d = defined.Select(i => cell[i] - row[i]).ToArray();
        var mean = d.Average();
        var se = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Length - 1) / d.Length);
        if (Math.Abs(mean) > (Tolerance * se) + 1e-12)
        {
            failures.Add($"{name}: mean difference {mean:G4} is {Math.Abs(mean) / se:F1} standard errors ({se:G3})");
        }

        var sdRow = Sd(defined.Select(i => row[i]));
        var sdCell = Sd(defined.Select(i => cell[i]));
        if (sdRow > 0 && (sdCell / sdRow is < 0.5 or > 2))
        {
            failures.Add($"{name}: seed-to-seed sd {sdCell:G3} (cells) vs {sdRow:G3} (rows)");
        }
    }

    private static double Sd(IEnumerable<double> values)
    {
        var v = values.ToArray();
        var mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }

    // Per metric and slot: the candidate's interval, the paired delta's interval, and for binary the demographic parity
    // difference (max − min selection rate over groups), each with the replicates' standard deviation.
    private static List<(string Name, double Lower, double Upper, double Spread)> Summaries(BootstrapReplicates replicates, MetricSet set, TaskKind task)
    {
        var result = new List<(string, double, double, double)>();
        var metrics = set.Requests.Count;
        for (var slot = 0; slot < set.Slots; slot++)
        {
            for (var r = 0; r < metrics; r++)
            {
                var o = (slot * metrics) + r;
                var c = replicates.Of(0, o).ToArray();
                var b = replicates.Of(1, o).ToArray();
                Add($"{set.Requests[r].Metric}/{set.Requests[r].Bins}[{slot}]", c);
                Add($"Δ{set.Requests[r].Metric}/{set.Requests[r].Bins}[{slot}]", [.. c.Zip(b, (x, y) => x - y)]);
            }
        }

        var rate = set.Requests.ToList().FindIndex(q => q.Metric == "selection_rate");
        if (task == TaskKind.Binary && rate >= 0)
        {
            var spread = new double[replicates.Resamples];
            for (var i = 0; i < spread.Length; i++)
            {
                var rates = Enumerable.Range(1, set.Slots - 1).Select(slot => replicates.Of(0, (slot * metrics) + rate)[i]).ToArray();
                spread[i] = rates.Max() - rates.Min();
            }

            Add("demographic parity difference", spread);
        }

        return result;

        void Add(string name, double[] values)
        {
            var interval = Percentile.Interval(values, 0.95);
            var defined = values.Where(v => !double.IsNaN(v)).ToArray();
            if (interval is { } i && i.Width > 0)
            {
                result.Add((name, i.Lower, i.Upper, Sd(defined)));
            }
        }
    }

    private static MetricRequest[] Requests(TaskKind task) =>
        task == TaskKind.Binary
            ? [.. Binary.Select(m => new MetricRequest(m))]
            : [new MetricRequest("accuracy"), new MetricRequest("balanced_accuracy"), new MetricRequest("f1_macro"), new MetricRequest("f1_weighted"), new MetricRequest("mcc"), new MetricRequest("recall")];

    // Two correlated models on a synthetic holdout with one slice of four groups (one small: 5% of rows) and 5% of rows
    // in no group.
    internal static (ScoredModel Candidate, ScoredModel Baseline, SliceColumn Slice) Data(TaskKind task, int rows, int seed)
    {
        var random = new Random(seed);
        var k = task == TaskKind.Binary ? 2 : 4;
        var labels = new int[rows];
        var candidate = new double[rows * k];
        var baseline = new double[rows * k];
        var groups = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var u = random.NextDouble();
            groups[i] = u < 0.05 ? -1 : u < 0.10 ? 3 : random.Next(3);
            labels[i] = task == TaskKind.Binary ? (random.NextDouble() < 0.3 + (0.1 * Math.Max(0, groups[i])) ? 1 : 0) : random.Next(k);
            var shared = random.NextDouble();
            for (var c = 0; c < k; c++)
            {
                var signal = c == labels[i] ? 0.8 : 0;
                candidate[(i * k) + c] = signal + shared + random.NextDouble();
                baseline[(i * k) + c] = signal + shared + random.NextDouble();
            }

            Normalize(candidate.AsSpan(i * k, k));
            Normalize(baseline.AsSpan(i * k, k));
        }

        var slice = new SliceColumn("g", groups, ["a", "b", "c", "small"]);
        return (new ScoredModel(task, labels, new Predictions(candidate, rows, k)), new ScoredModel(task, [.. labels], new Predictions(baseline, rows, k)), slice);
    }

    private static void Normalize(Span<double> scores)
    {
        var sum = 0.0;
        foreach (var s in scores)
        {
            sum += s;
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }
}
