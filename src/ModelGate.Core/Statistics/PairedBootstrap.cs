using ModelGate.Core.Metrics;

namespace ModelGate.Core.Statistics;

/// <summary>
/// Bootstrap replicates of many metric sets under ONE set of resample weights per resample: every model, slice and
/// metric evaluated in resample b sees the same Poisson(1) row counts, so candidate-minus-baseline deltas are paired.
/// Resample b's counts depend only on (seed, b): identical results for any thread count.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>Runs <paramref name="resamples"/> resamples over the sets (all on the same rows).</summary>
    /// <param name="sets">Metric sets over the same rows (e.g. candidate and baseline, overall and per slice).</param>
    /// <param name="resamples">Number of resamples.</param>
    /// <param name="seed">Seed of the resample weights.</param>
    /// <param name="rowWeights">Optional per-row weights multiplied into the counts.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; null or -1 for all cores.</param>
    public static BootstrapReplicates Run(IReadOnlyList<MetricSet> sets, int resamples, ulong seed, double[]? rowWeights = null, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        var rows = sets.Count == 0 ? 0 : sets[0].Model.RowCount;
        if (sets.Any(s => s.Model.RowCount != rows))
        {
            throw new ArgumentException("Every metric set must cover the same rows.", nameof(sets));
        }

        var offsets = new int[sets.Count];
        var columns = 0;
        for (var s = 0; s < sets.Count; s++)
        {
            offsets[s] = columns;
            columns += sets[s].OutputCount;
        }

        var values = new double[(long)columns * resamples];
        // Bounded by the cores: an unbounded Parallel.For lets the thread pool grow under load (391 workers were seen),
        // each with its own per-row buffers, which costs memory and no speed. Results do not depend on this number.
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(
            0,
            resamples,
            options,
            () => (Weights: rowWeights is null ? [] : new double[rows], Counts: rowWeights is null ? new byte[rows] : [], Output: new double[columns]),
            (b, _, buffers) =>
            {
                // Without row weights the counts stay bytes: the order-based passes gather them at random, and 1 MB per
                // million rows stays in cache where 8 MB of doubles would not.
                if (rowWeights is null)
                {
                    ResampleWeights.Fill(seed, b, buffers.Counts);
                }
                else
                {
                    ResampleWeights.Fill(seed, b, buffers.Weights, rowWeights);
                }

                for (var s = 0; s < sets.Count; s++)
                {
                    var output = buffers.Output.AsSpan(offsets[s], sets[s].OutputCount);
                    if (rowWeights is null)
                    {
                        sets[s].Evaluate(buffers.Counts, output);
                    }
                    else
                    {
                        sets[s].Evaluate(buffers.Weights, output);
                    }
                }

                for (var c = 0; c < columns; c++)
                {
                    values[((long)c * resamples) + b] = buffers.Output[c];
                }

                return buffers;
            },
            _ => { });
        return new BootstrapReplicates(resamples, offsets, values);
    }
}

/// <summary>Replicates of every output of every metric set, stored per output (column-major).</summary>
public sealed class BootstrapReplicates
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

    /// <summary>Replicates of output <paramref name="output"/> of set <paramref name="set"/> (NaN where undefined).</summary>
    public ReadOnlySpan<double> Of(int set, int output) => _values.AsSpan((_offsets[set] + output) * Resamples, Resamples);
}
