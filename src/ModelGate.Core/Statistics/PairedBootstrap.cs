using ModelGate.Core.Metrics;

namespace ModelGate.Core.Statistics;

/// <summary>
/// Bootstrap replicates of many metric sets under ONE set of resample weights per resample: every model, slice and
/// metric evaluated in resample b sees the same Poisson(1) row counts, so candidate-minus-baseline deltas are paired.
/// Resample b's counts depend only on (seed, b): identical results for any thread count.
/// </summary>
internal static class PairedBootstrap
{
    /// <summary>Runs <paramref name="resamples"/> resamples over the sets (all on the same rows).</summary>
    /// <param name="sets">Metric sets over the same rows (e.g. candidate and baseline, overall and per slice).</param>
    /// <param name="resamples">Number of resamples.</param>
    /// <param name="seed">Seed of the resample weights.</param>
    /// <param name="rowWeights">Optional per-row weights multiplied into the counts.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; null or -1 for all cores.</param>
    /// <param name="blocks">Whether to use the eight-resamples-per-pass path where the hardware has it (identical results; off only to compare).</param>
    public static BootstrapReplicates Run(IReadOnlyList<MetricSet> sets, int resamples, ulong seed, double[]? rowWeights = null, int? maxDegreeOfParallelism = null, bool blocks = true)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        var rows = sets.Count == 0 ? 0 : sets[0].Model.RowCount;
        if (sets.Any(s => s.Model.RowCount != rows))
        {
            throw new ArgumentException("Every metric set must cover the same rows.", nameof(sets));
        }

        var (offsets, columns) = BootstrapReplicates.Layout(sets);

        // Ranked passes read weights in their model's canonical order: gathered once per model per resample.
        var models = sets.Where(s => s.NeedsCanonical).Select(s => s.Model).Distinct().ToList();
        var modelOf = sets.Select(s => s.NeedsCanonical ? models.IndexOf(s.Model) : -1).ToArray();
        var values = new double[(long)columns * resamples];
        if (blocks && rowWeights is null && MetricSet.BlockSupported && sets.Count > 0 && sets.All(s => s.Blockable))
        {
            RunBlocks(sets, resamples, seed, maxDegreeOfParallelism, offsets, columns, models, modelOf, values);
            return new BootstrapReplicates(resamples, offsets, values);
        }

        // Bounded by the cores: an unbounded Parallel.For lets the thread pool grow under load (391 workers were seen),
        // each with its own per-row buffers, which costs memory and no speed. Results do not depend on this number.
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(
            0,
            resamples,
            options,
            () => new Worker(rows, columns, models.Count, rowWeights is not null),
            (b, _, worker) =>
            {
                // Without row weights the counts stay bytes: 1 MB per million rows, cheap to fill and to gather.
                if (rowWeights is null)
                {
                    ResampleWeights.Fill(seed, b, worker.Counts);
                    for (var m = 0; m < models.Count; m++)
                    {
                        models[m].ToCanonical<byte>(worker.Counts, worker.CanonicalCounts[m]);
                    }
                }
                else
                {
                    ResampleWeights.Fill(seed, b, worker.Weights, rowWeights);
                    for (var m = 0; m < models.Count; m++)
                    {
                        models[m].ToCanonical<double>(worker.Weights, worker.CanonicalWeights[m]);
                    }
                }

                worker.Memo.Clear();
                for (var s = 0; s < sets.Count; s++)
                {
                    var output = worker.Output.AsSpan(offsets[s], sets[s].OutputCount);
                    var m = modelOf[s];
                    if (rowWeights is null)
                    {
                        sets[s].Evaluate(worker.Counts, m < 0 ? [] : worker.CanonicalCounts[m], output, worker.Memo);
                    }
                    else
                    {
                        sets[s].Evaluate(worker.Weights, m < 0 ? [] : worker.CanonicalWeights[m], output, worker.Memo);
                    }
                }

                for (var c = 0; c < columns; c++)
                {
                    values[((long)c * resamples) + b] = worker.Output[c];
                }

                return worker;
            },
            _ => { });
        return new BootstrapReplicates(resamples, offsets, values);
    }

    // Eight resamples per pass (see MetricSet.EvaluateBlock).
    private static void RunBlocks(IReadOnlyList<MetricSet> sets, int resamples, ulong seed, int? maxDegreeOfParallelism, int[] offsets, int columns, List<ScoredModel> models, int[] modelOf, double[] values)
    {
        const int Width = MetricSet.BlockWidth;
        var rows = sets[0].Model.RowCount;
        var blocks = (resamples + Width - 1) / Width;

        // Each model's group AUC passes run together, tile by tile (see TiledAuc); sets then find them in the memos.
        var tiled = sets.GroupBy(s => s.Model)
            .Select(g => new TiledAuc(g.Key, [.. g.SelectMany(s => s.AucGroupPasses)]))
            .Where(t => t.Passes > 0)
            .ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(
            0,
            blocks,
            options,
            () => new BlockWorker(rows, columns, models.Count),
            (block, _, worker) =>
            {
                var first = block * Width;
                var width = Math.Min(Width, resamples - first);
                for (var b = 0; b < Width; b++)
                {
                    if (b < width)
                    {
                        ResampleWeights.Fill(seed, first + b, worker.Counts[b]);
                    }
                    else
                    {
                        Array.Clear(worker.Counts[b]);
                    }
                }

                Interleave(worker.Counts, worker.ByRow);
                for (var m = 0; m < models.Count; m++)
                {
                    models[m].ToCanonical<ulong>(worker.ByRow, worker.Canonical[m]);
                }

                foreach (var memo in worker.Memos)
                {
                    memo.Clear();
                }

                foreach (var t in tiled)
                {
                    t.Run(worker.Canonical[models.IndexOf(t.Model)], worker.Memos);
                }

                for (var s = 0; s < sets.Count; s++)
                {
                    var m = modelOf[s];
                    var count = sets[s].OutputCount;
                    var output = worker.BlockOutput(count * Width);
                    sets[s].EvaluateBlock(worker.ByRow, m < 0 ? [] : worker.Canonical[m], width, output, worker.Memos);
                    for (var b = 0; b < width; b++)
                    {
                        for (var c = 0; c < count; c++)
                        {
                            values[((long)(offsets[s] + c) * resamples) + first + b] = output[(b * count) + c];
                        }
                    }
                }

                return worker;
            },
            _ => { });
    }

    // Row i's eight counts into one little-endian word: byte b is resample b's count.
    private static void Interleave(byte[][] counts, ulong[] byRow)
    {
        var c0 = counts[0];
        var c1 = counts[1];
        var c2 = counts[2];
        var c3 = counts[3];
        var c4 = counts[4];
        var c5 = counts[5];
        var c6 = counts[6];
        var c7 = counts[7];
        for (var i = 0; i < byRow.Length; i++)
        {
            byRow[i] = c0[i] | ((ulong)c1[i] << 8) | ((ulong)c2[i] << 16) | ((ulong)c3[i] << 24)
                | ((ulong)c4[i] << 32) | ((ulong)c5[i] << 40) | ((ulong)c6[i] << 48) | ((ulong)c7[i] << 56);
        }
    }
}

/// <summary>One block-path thread's buffers: each resample's counts, the same interleaved by row and in each model's canonical order.</summary>
internal sealed class BlockWorker(int rows, int columns, int models)
{
    private double[] _output = new double[columns];

    public byte[][] Counts { get; } = [.. Enumerable.Range(0, MetricSet.BlockWidth).Select(_ => new byte[rows])];

    public ulong[] ByRow { get; } = new ulong[rows];

    public ulong[][] Canonical { get; } = [.. Enumerable.Range(0, models).Select(_ => new ulong[rows])];

    public PassMemo[] Memos { get; } = [.. Enumerable.Range(0, MetricSet.BlockWidth).Select(_ => new PassMemo())];

    public double[] BlockOutput(int size) => _output.Length >= size ? _output : _output = new double[size];
}

/// <summary>One bootstrap thread's buffers: counts by row, the same in each model's canonical order, outputs, pass memo.</summary>
internal sealed class Worker(int rows, int columns, int models, bool real)
{
    public byte[] Counts { get; } = real ? [] : new byte[rows];

    public double[] Weights { get; } = real ? new double[rows] : [];

    public byte[][] CanonicalCounts { get; } = [.. Enumerable.Range(0, models).Select(_ => real ? [] : new byte[rows])];

    public double[][] CanonicalWeights { get; } = [.. Enumerable.Range(0, models).Select(_ => real ? new double[rows] : [])];

    public double[] Output { get; } = new double[columns];

    public PassMemo Memo { get; } = new();
}

/// <summary>Replicates of every output of every metric set, stored per output (column-major).</summary>
internal sealed class BootstrapReplicates
{
    private readonly int[] _offsets;
    private readonly double[] _values;

    internal BootstrapReplicates(int resamples, int[] offsets, double[] values)
    {
        Resamples = resamples;
        _offsets = offsets;
        _values = values;
    }

    /// <summary>Resamples run.</summary>
    public int Resamples { get; }

    /// <summary>Where each set's outputs start among all columns, and the number of columns.</summary>
    internal static (int[] Offsets, int Columns) Layout(IReadOnlyList<MetricSet> sets)
    {
        var offsets = new int[sets.Count];
        var columns = 0;
        for (var s = 0; s < sets.Count; s++)
        {
            offsets[s] = columns;
            columns += sets[s].OutputCount;
        }

        return (offsets, columns);
    }

    /// <summary>An empty store for <paramref name="resamples"/> replicates of every output of <paramref name="sets"/>.</summary>
    internal static BootstrapReplicates For(IReadOnlyList<MetricSet> sets, int resamples)
    {
        var (offsets, columns) = Layout(sets);
        return new BootstrapReplicates(resamples, offsets, new double[(long)columns * resamples]);
    }

    /// <summary>Stores resample <paramref name="resample"/>'s outputs of set <paramref name="set"/>.</summary>
    internal void Set(int set, int resample, ReadOnlySpan<double> outputs)
    {
        for (var c = 0; c < outputs.Length; c++)
        {
            _values[((long)(_offsets[set] + c) * Resamples) + resample] = outputs[c];
        }
    }

    /// <summary>Replicates of output <paramref name="output"/> of set <paramref name="set"/> (NaN where undefined).</summary>
    public ReadOnlySpan<double> Of(int set, int output) => _values.AsSpan((_offsets[set] + output) * Resamples, Resamples);
}
