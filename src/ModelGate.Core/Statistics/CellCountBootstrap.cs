using ModelGate.Core.Metrics;

namespace ModelGate.Core.Statistics;

/// <summary>
/// The Poisson bootstrap of metrics that are functions of confusion counts, drawn per cell instead of per row. Rows
/// that share a group, a label and every model's decision are interchangeable for these metrics; under the Poisson
/// bootstrap the resampled count of such a cell of n rows is a sum of n independent Poisson(1) counts, i.e. exactly
/// Poisson(n), independent of every other cell. So one Poisson(n) variate per occupied cell gives replicates with the
/// same joint distribution (within one table) as the row-level bootstrap, at a cost set by the number of cells.
/// Sets on the same slice column share one table (group × label × each model's decision), so candidate and baseline
/// stay paired and a slice's groups stay jointly resampled; different slice columns get independent tables.
/// Resample b's counts depend only on (seed, b, table): identical for any thread count.
/// </summary>
internal static class CellCountBootstrap
{
    // Keeps the cell streams apart from the row-level stream of the same seed.
    private const ulong CellStream = 0x4345_4C4C_5F43_4E54UL;

    /// <summary>Runs <paramref name="resamples"/> resamples of <paramref name="sets"/> (each <see cref="MetricSet.CountsSuffice"/>).</summary>
    /// <param name="sets">Metric sets over the same unweighted rows, at most two models per slice column.</param>
    /// <param name="resamples">Number of resamples.</param>
    /// <param name="seed">Seed of the cell counts.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; null for all cores.</param>
    public static BootstrapReplicates Run(IReadOnlyList<MetricSet> sets, int resamples, ulong seed, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        if (sets.Any(s => !s.CountsSuffice))
        {
            throw new ArgumentException("Every set must be a function of confusion counts.", nameof(sets));
        }

        var replicates = BootstrapReplicates.For(sets, resamples);
        var tables = new List<JointTable>();
        var tableOf = new int[sets.Count];
        var modelOf = new int[sets.Count];
        for (var s = 0; s < sets.Count; s++)
        {
            var t = tables.FindIndex(x => ReferenceEquals(x.GroupOf, sets[s].GroupOf));
            if (t < 0)
            {
                tables.Add(new JointTable(sets[s].GroupOf));
                t = tables.Count - 1;
            }

            tableOf[s] = t;
            modelOf[s] = tables[t].AddModel(sets[s].Model);
        }

        foreach (var table in tables)
        {
            table.Build();
        }

        Parallel.For(
            0,
            resamples,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount },
            () => (Counts: tables.Select(t => new double[t.Cells]).ToArray(), Output: new double[sets.Count == 0 ? 0 : sets.Max(s => s.OutputCount)]),
            (b, _, worker) =>
            {
                for (var t = 0; t < tables.Count; t++)
                {
                    tables[t].Draw(StateOf(seed, b, t), worker.Counts[t]);
                }

                for (var s = 0; s < sets.Count; s++)
                {
                    var table = tables[tableOf[s]];
                    var output = worker.Output.AsSpan(0, sets[s].OutputCount);
                    sets[s].EvaluateCells(table.GroupOfCell, table.ConfusionOfCell(modelOf[s]), worker.Counts[tableOf[s]], output);
                    replicates.Set(s, b, output);
                }

                return worker;
            },
            _ => { });
        return replicates;
    }

    /// <summary>The stream state of resample <paramref name="resample"/>, table <paramref name="table"/>.</summary>
    internal static ulong StateOf(ulong seed, int resample, int table) => PoissonVariate.TableState(seed, resample, CellStream, table);
}

/// <summary>The occupied cells of group × label × each model's decision, with their row counts.</summary>
internal sealed class JointTable(int[]? groupOf)
{
    private readonly List<ScoredModel> _models = [];
    private int[][] _confusion = [];
    private double[] _rows = [];

    public int[]? GroupOf { get; } = groupOf;

    public int[] GroupOfCell { get; private set; } = [];

    public int Cells => _rows.Length;

    public int AddModel(ScoredModel model)
    {
        var m = _models.IndexOf(model);
        if (m >= 0)
        {
            return m;
        }

        if (_models.Count == 2)
        {
            throw new ArgumentException("A joint table pairs at most two models.");
        }

        _models.Add(model);
        return _models.Count - 1;
    }

    public ReadOnlySpan<int> ConfusionOfCell(int model) => _confusion[model];

    public void Build()
    {
        var first = _models[0].ConfusionCell;
        var second = _models.Count > 1 ? _models[1].ConfusionCell : null;
        var index = new Dictionary<(int Group, int First, int Second), int>();
        var groups = new List<int>();
        var firsts = new List<int>();
        var seconds = new List<int>();
        var rows = new List<double>();
        for (var i = 0; i < first.Length; i++)
        {
            var key = (GroupOf is null ? -1 : GroupOf[i], first[i], second is null ? 0 : second[i]);
            if (!index.TryGetValue(key, out var j))
            {
                j = rows.Count;
                index[key] = j;
                groups.Add(key.Item1);
                firsts.Add(key.Item2);
                seconds.Add(key.Item3);
                rows.Add(0);
            }

            rows[j]++;
        }

        GroupOfCell = [.. groups];
        _confusion = second is null ? [[.. firsts]] : [[.. firsts], [.. seconds]];
        _rows = [.. rows];
    }

    /// <summary>Rows per cell.</summary>
    public ReadOnlySpan<double> Rows => _rows;

    /// <summary>One resample: a Poisson(rows) count per cell from the stream at <paramref name="state"/>.</summary>
    public void Draw(ulong state, Span<double> counts)
    {
        for (var j = 0; j < _rows.Length; j++)
        {
            counts[j] = PoissonVariate.Next(_rows[j], ref state);
        }
    }
}
