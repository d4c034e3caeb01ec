using ModelGate.Core.Metrics;

namespace ModelGate.Core.Statistics;

/// <summary>
/// The Poisson bootstrap of ECE and MCE from per-cell sufficient statistics instead of per-row counts. ECE and MCE
/// read, per slot and bin, Σ w, Σ w × value and Σ w × outcome. Rows that share a group and, for every binning of every
/// model in the table, a bin and an outcome (0/1) form a cell. Under the Poisson bootstrap a cell of n rows gets
/// N ~ Poisson(n) resampled rows, independent across cells: drawn exactly, as in <see cref="CellCountBootstrap"/>, so
/// Σ w and Σ w × outcome are exact. Σ w × value is a compound Poisson sum; given N it is the sum of N draws with
/// replacement from the cell's values, with mean N·m and covariance N·Σ (m, Σ: the cell's mean vector and population
/// covariance of the values, one per model and binning). It is drawn as N·m + √N·L·Z (L L' = Σ, Z standard normal),
/// clamped to N × the cell's value range.
/// <para>What this approximates: only the shape of that conditional law (normal instead of the N-fold convolution of
/// the cell's values). Its mean and covariance given N are exact, so the first two moments of every sum, jointly over
/// bins, models and groups, equal the row-level bootstrap's; the error is the CLT remainder of a cell's value sum,
/// negligible where cells hold hundreds of rows, which is why the gate uses this path only where every slot of the
/// scope has at least <see cref="AnalyticIntervals.AutoMinRows"/> rows (tested against the row-level bootstrap over
/// many seeds). Cost per resample: one Poisson and D normals per occupied cell, independent of the rows.</para>
/// Sets with the same table number are resampled jointly (candidate and baseline stay paired); resample b depends only
/// on (seed, b, table): identical for any thread count.
/// </summary>
internal static class BinnedBootstrap
{
    // Keeps the binned streams apart from the row-level and cell-count streams of the same seed.
    private const ulong BinStream = 0x4249_4E4E_4544_5F42UL;

    /// <summary>Runs <paramref name="resamples"/> resamples of <paramref name="sets"/> (each <see cref="MetricSet.BinnedOnly"/>).</summary>
    /// <param name="sets">Metric sets over the same unweighted rows.</param>
    /// <param name="resamples">Number of resamples.</param>
    /// <param name="seed">Seed of the cell draws.</param>
    /// <param name="tableOf">Per set, its table (sets of one table share the slice column and are paired); null: one table per slice column.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; null for all cores.</param>
    public static BootstrapReplicates Run(IReadOnlyList<MetricSet> sets, int resamples, ulong seed, IReadOnlyList<int>? tableOf = null, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        if (sets.Any(s => !s.BinnedOnly))
        {
            throw new ArgumentException("Every set must hold only ECE and MCE of at most two binnings.", nameof(sets));
        }

        var replicates = BootstrapReplicates.For(sets, resamples);
        var tables = new List<BinnedTable>();
        var keys = new List<int>();
        var placed = new (int Table, int Index)[sets.Count];
        for (var s = 0; s < sets.Count; s++)
        {
            var key = tableOf?[s] ?? -1;
            var t = tables.FindIndex(x => ReferenceEquals(x.GroupOf, sets[s].GroupOf) && (tableOf is null || keys[tables.IndexOf(x)] == key));
            if (t < 0)
            {
                tables.Add(new BinnedTable(sets[s].GroupOf));
                keys.Add(key);
                t = tables.Count - 1;
            }

            placed[s] = (t, tables[t].Add(sets[s]));
        }

        foreach (var table in tables)
        {
            table.Build();
        }

        Parallel.For(
            0,
            resamples,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount },
            () => new BinnedWorker(tables, sets),
            (b, _, worker) =>
            {
                for (var t = 0; t < tables.Count; t++)
                {
                    tables[t].Draw(StateOf(seed, b, t), worker.Counts[t], worker.ValueSums[t]);
                }

                for (var s = 0; s < sets.Count; s++)
                {
                    var (t, index) = placed[s];
                    var sums = worker.Sums[s];
                    Array.Clear(sums);
                    tables[t].Fill(index, worker.Counts[t], worker.ValueSums[t], sums);
                    var output = worker.Output.AsSpan(0, sets[s].OutputCount);
                    sets[s].EvaluateSums(sums, output);
                    replicates.Set(s, b, output);
                }

                return worker;
            },
            _ => { });
        return replicates;
    }

    /// <summary>The stream state of resample <paramref name="resample"/>, table <paramref name="table"/>.</summary>
    internal static ulong StateOf(ulong seed, int resample, int table) => PoissonVariate.TableState(seed, resample, BinStream, table);
}

/// <summary>One binned-path thread's buffers: per table the cells' counts and value sums, per set its slot sums.</summary>
internal sealed class BinnedWorker(IReadOnlyList<BinnedTable> tables, IReadOnlyList<MetricSet> sets)
{
    public double[][] Counts { get; } = [.. tables.Select(t => new double[t.Cells])];

    public double[][] ValueSums { get; } = [.. tables.Select(t => new double[t.Cells * t.Dimensions])];

    public double[][] Sums { get; } = [.. sets.Select(s => new double[(s.Slots + 1) * s.Stride])];

    public double[] Output { get; } = new double[sets.Count == 0 ? 0 : sets.Max(s => s.OutputCount)];
}

/// <summary>
/// The occupied cells of group × (bin, outcome) of every binning column (a model's binning; shared by sets of that
/// model and binning), with each cell's row count and its values' mean, range and covariance factor.
/// </summary>
internal sealed class BinnedTable(int[]? groupOf)
{
    // A cell key packs 12 bits per column: the bin index (< 2,048) and the outcome bit.
    private const int MaxColumns = 5;
    private const int BitsPerColumn = 12;

    private readonly List<(int[] Bin, double[] Value, double[] Outcome)> _columns = [];
    private readonly List<(MetricSet Set, int[] Column)> _sets = [];
    private int[] _groupOfCell = [];
    private int[] _binOfCell = [];
    private double[] _outcomeOfCell = [];
    private double[] _rows = [];
    private double[] _mean = [];
    private double[] _low = [];
    private double[] _high = [];
    private double[] _factor = [];

    public int[]? GroupOf { get; } = groupOf;

    public int Cells => _rows.Length;

    /// <summary>Value columns (model × binning) in the table.</summary>
    public int Dimensions => _columns.Count;

    /// <summary>Adds a set's binnings as columns (reusing a column another set of the same model and binning brought).</summary>
    public int Add(MetricSet set)
    {
        var columns = new int[set.Binnings.Count];
        for (var j = 0; j < columns.Length; j++)
        {
            var single = set.Binnings[j].Single ?? throw new ArgumentException("Class-wise binnings have no binned path.");
            if (single.Bin.Max() / 3 >= 1 << (BitsPerColumn - 1))
            {
                throw new ArgumentException($"The binned path takes at most {1 << (BitsPerColumn - 1)} bins.");
            }

            var c = _columns.FindIndex(x => ReferenceEquals(x.Bin, single.Bin));
            if (c < 0)
            {
                _columns.Add(single);
                c = _columns.Count - 1;
            }

            columns[j] = c;
        }

        if (_columns.Count > MaxColumns)
        {
            throw new ArgumentException($"A binned table holds at most {MaxColumns} binnings (models × binnings).");
        }

        _sets.Add((set, columns));
        return _sets.Count - 1;
    }

    public void Build()
    {
        var rows = _columns.Count == 0 ? 0 : _columns[0].Bin.Length;
        var d = _columns.Count;
        var index = new Dictionary<(int Group, ulong Key), int>();
        var cellOf = new int[rows];
        var groups = new List<int>();
        var keys = new List<ulong>();
        var counts = new List<double>();
        var sums = new List<double>();
        for (var i = 0; i < rows; i++)
        {
            var key = 0UL;
            for (var c = 0; c < d; c++)
            {
                var (bin, _, outcome) = _columns[c];
                var packed = ((uint)bin[i] / 3 * 2) | (outcome[i] > 0.5 ? 1U : 0U);
                key |= (ulong)packed << (BitsPerColumn * c);
            }

            var group = GroupOf is null ? -1 : GroupOf[i];
            if (!index.TryGetValue((group, key), out var j))
            {
                j = counts.Count;
                index[(group, key)] = j;
                groups.Add(group);
                keys.Add(key);
                counts.Add(0);
                sums.AddRange(Enumerable.Repeat(0.0, d));
            }

            cellOf[i] = j;
            counts[j]++;
            for (var c = 0; c < d; c++)
            {
                sums[(j * d) + c] += _columns[c].Value[i];
            }
        }

        var cells = counts.Count;
        _groupOfCell = [.. groups];
        _rows = [.. counts];
        _binOfCell = new int[cells * d];
        _outcomeOfCell = new double[cells * d];
        _mean = new double[cells * d];
        _low = Enumerable.Repeat(double.PositiveInfinity, cells * d).ToArray();
        _high = Enumerable.Repeat(double.NegativeInfinity, cells * d).ToArray();
        for (var j = 0; j < cells; j++)
        {
            for (var c = 0; c < d; c++)
            {
                var packed = (int)((keys[j] >> (BitsPerColumn * c)) & ((1UL << BitsPerColumn) - 1));
                _binOfCell[(j * d) + c] = 3 * (packed >> 1);
                _outcomeOfCell[(j * d) + c] = packed & 1;
                _mean[(j * d) + c] = sums[(j * d) + c] / _rows[j];
            }
        }

        // Second pass: centred cross products (population covariance), then its Cholesky factor per cell.
        var covariance = new double[cells * d * d];
        for (var i = 0; i < rows; i++)
        {
            var j = cellOf[i];
            for (var c = 0; c < d; c++)
            {
                var v = _columns[c].Value[i];
                _low[(j * d) + c] = Math.Min(_low[(j * d) + c], v);
                _high[(j * d) + c] = Math.Max(_high[(j * d) + c], v);
                var dc = v - _mean[(j * d) + c];
                for (var e = 0; e <= c; e++)
                {
                    covariance[(j * d * d) + (c * d) + e] += dc * (_columns[e].Value[i] - _mean[(j * d) + e]);
                }
            }
        }

        _factor = new double[cells * d * d];
        for (var j = 0; j < cells; j++)
        {
            Cholesky(covariance.AsSpan(j * d * d, d * d), 1 / _rows[j], d, _factor.AsSpan(j * d * d, d * d));
        }
    }

    /// <summary>One resample: a Poisson(rows) count per cell and, per column, the cell's resampled value sum.</summary>
    public void Draw(ulong state, Span<double> counts, Span<double> valueSums)
    {
        var d = _columns.Count;
        Span<double> z = stackalloc double[d + 1];
        for (var j = 0; j < _rows.Length; j++)
        {
            var n = (double)PoissonVariate.Next(_rows[j], ref state);
            counts[j] = n;
            for (var e = 0; e < d; e += 2)
            {
                (z[e], z[e + 1]) = StandardNormals(ref state);
            }

            var root = Math.Sqrt(n);
            for (var c = 0; c < d; c++)
            {
                var noise = 0.0;
                for (var e = 0; e <= c; e++)
                {
                    noise += _factor[(j * d * d) + (c * d) + e] * z[e];
                }

                var at = (j * d) + c;
                valueSums[at] = Math.Clamp((n * _mean[at]) + (root * noise), n * _low[at], n * _high[at]);
            }
        }
    }

    /// <summary>Set <paramref name="set"/>'s slot sums (slots as the row pass lays them out) from one resample's cells.</summary>
    public void Fill(int set, ReadOnlySpan<double> counts, ReadOnlySpan<double> valueSums, double[] sums)
    {
        var (metrics, columns) = _sets[set];
        var stride = metrics.Stride;
        var noGroup = metrics.Slots * stride;
        var d = _columns.Count;
        var binnings = metrics.Binnings;
        for (var j = 0; j < counts.Length; j++)
        {
            var n = counts[j];
            var b = GroupOf is null ? 0 : (_groupOfCell[j] >= 0 ? (_groupOfCell[j] + 1) * stride : noGroup);
            sums[b + MetricSetLayout.Total] += n;
            for (var k = 0; k < columns.Length; k++)
            {
                var c = columns[k];
                var at = b + binnings[k].Offset + _binOfCell[(j * d) + c];
                sums[at] += n;
                sums[at + 1] += valueSums[(j * d) + c];
                sums[at + 2] += n * _outcomeOfCell[(j * d) + c];
            }
        }
    }

    // Lower Cholesky factor of scale × the lower triangle in `lower`; a non-positive pivot (a constant or collinear
    // column) gets a zero column, so that column follows the others exactly.
    private static void Cholesky(ReadOnlySpan<double> lower, double scale, int d, Span<double> factor)
    {
        for (var c = 0; c < d; c++)
        {
            for (var e = 0; e <= c; e++)
            {
                var sum = lower[(c * d) + e] * scale;
                for (var k = 0; k < e; k++)
                {
                    sum -= factor[(c * d) + k] * factor[(e * d) + k];
                }

                if (c == e)
                {
                    factor[(c * d) + c] = sum > 1e-300 ? Math.Sqrt(sum) : 0;
                }
                else
                {
                    factor[(c * d) + e] = factor[(e * d) + e] > 0 ? sum / factor[(e * d) + e] : 0;
                }
            }
        }
    }

    // Two independent standard normals (Box–Muller) from the stream.
    private static (double, double) StandardNormals(ref ulong state)
    {
        var u = 1.0 - PoissonVariate.Uniform(ref state);
        var v = PoissonVariate.Uniform(ref state);
        var r = Math.Sqrt(-2.0 * Math.Log(u));
        return (r * Math.Cos(2 * Math.PI * v), r * Math.Sin(2 * Math.PI * v));
    }
}
