using System.Runtime.Intrinsics;

namespace ModelGate.Core.Metrics;

/// <summary>
/// Rows of one slot (the whole holdout or one group) sorted once by one score column, so ROC AUC, average precision
/// and weighted medians are one weighted pass per resample, never a re-sort.
/// </summary>
/// <remarks>
/// Weights are read by <em>canonical position</em> (the row's place in its model's canonical order, see
/// <see cref="ScoredModel.Canonical"/>), not by row: the bootstrap gathers each resample's counts into that order once
/// per model, and every pass sorted by the canonical column then reads them sequentially (group passes read an
/// increasing subsequence) instead of gathering at random.
/// </remarks>
internal sealed class RankedPass
{
    /// <summary>Most rows a pass holds: the position takes bits 0-29.</summary>
    public const int MaxRows = (1 << 30) - 1;

    private const int PositionMask = MaxRows;

    /// <param name="order">Rows sorted by the key.</param>
    /// <param name="positionOf">Each row's canonical position.</param>
    /// <param name="key">The sort key of a row.</param>
    /// <param name="isPositive">Whether a row is positive (AUC, average precision).</param>
    public RankedPass(int[] order, int[] positionOf, Func<int, double> key, Func<int, bool> isPositive)
    {
        if (order.Length > MaxRows)
        {
            throw new ArgumentException($"A ranked pass holds at most {MaxRows:N0} rows; this one has {order.Length:N0}.", nameof(order));
        }

        _order = order;
        Packed = new int[order.Length];
        var ties = new List<(int Start, int Length)>();
        var start = 0;
        var nextKey = order.Length > 0 ? key(order[0]) : 0;
        for (var k = 0; k < order.Length; k++)
        {
            var thisKey = nextKey;
            nextKey = k + 1 < order.Length ? key(order[k + 1]) : double.NaN;
            if (k + 1 < order.Length && nextKey == thisKey)
            {
                continue;
            }

            if (k == start)
            {
                Packed[k] = positionOf[order[k]] | (isPositive(order[k]) ? 1 << 30 : 0) | int.MinValue;
                start = k + 1;
                continue;
            }

            // Within a tie block the negatives come first (the key is equal, so medians and maxima do not care), so the
            // AUC pass counts every negative of the block as below each positive of it; TieBlocks takes the half back.
            var at = start;
            for (var pass = 0; pass < 2; pass++)
            {
                for (var j = start; j <= k; j++)
                {
                    var positive = isPositive(order[j]);
                    if (positive == (pass == 1))
                    {
                        Packed[at++] = positionOf[order[j]] | (positive ? 1 << 30 : 0);
                    }
                }
            }

            Packed[k] |= int.MinValue;
            ties.Add((start, k + 1 - start));
            start = k + 1;
        }

        TieBlocks = [.. ties];
    }

    private RankedPass(int[] packed, (int Start, int Length)[] tieBlocks)
    {
        Packed = packed;
        TieBlocks = tieBlocks;
    }

    /// <summary>
    /// One pass per group, cut out of the pass over all rows (classification: no row order kept). The same passes the
    /// constructor builds from each group's rows: a group's tie blocks are its rows inside the overall tie blocks,
    /// negatives first there already, and its block ends are its last row in each.
    /// </summary>
    /// <param name="overall">The pass over all rows.</param>
    /// <param name="rowAt">The row at each canonical position (<see cref="ScoredModel.Canonical"/>).</param>
    /// <param name="groupOf">Each row's group, -1 for none.</param>
    /// <param name="groups">How many groups.</param>
    internal static RankedPass[] SplitByGroup(RankedPass overall, int[] rowAt, int[] groupOf, int groups)
    {
        var all = overall.Packed;
        var sizes = new int[groups];
        foreach (var p in all)
        {
            var g = groupOf[rowAt[p & PositionMask]];
            if (g >= 0)
            {
                sizes[g]++;
            }
        }

        var packed = sizes.Select(n => new int[n]).ToArray();
        var ties = sizes.Select(_ => new List<(int, int)>()).ToArray();
        var fill = new int[groups];
        var blockStart = Enumerable.Repeat(-1, groups).ToArray();
        var touched = new List<int>();
        for (var k = 0; k < all.Length; k++)
        {
            var g = groupOf[rowAt[all[k] & PositionMask]];
            if (g >= 0)
            {
                if (blockStart[g] < 0)
                {
                    blockStart[g] = fill[g];
                    touched.Add(g);
                }

                packed[g][fill[g]++] = all[k] & ~int.MinValue;
            }

            if (all[k] < 0)
            {
                foreach (var t in touched)
                {
                    packed[t][fill[t] - 1] |= int.MinValue;
                    if (fill[t] - blockStart[t] > 1)
                    {
                        ties[t].Add((blockStart[t], fill[t] - blockStart[t]));
                    }

                    blockStart[t] = -1;
                }

                touched.Clear();
            }
        }

        return [.. Enumerable.Range(0, groups).Select(g => new RankedPass(packed[g], [.. ties[g]]))];
    }

    /// <summary>Blocks of more than one row with the same key (start and length in <see cref="Packed"/>).</summary>
    public (int Start, int Length)[] TieBlocks { get; }

    private readonly int[]? _order;

    /// <summary>Rows in sort order (for keys: medians, maxima).</summary>
    public int[] Order => _order ?? throw new InvalidOperationException("This pass was built without its row order.");

    /// <summary>Canonical position (bits 0-29), positive label (bit 30) and tie-block end (bit 31) in one word.</summary>
    public int[] Packed { get; }

    /// <summary>
    /// ROC AUC for integer resample counts (by canonical position): the Mann-Whitney sum in exact 64-bit integers.
    /// One pass counts, for each positive, the negatives before it (tie blocks hold their negatives first, so a tied
    /// negative counts whole); then each tie block gives back half of its positive × negative pairs. The main loop has
    /// no branch and two one-add dependency chains.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public (double Auc, double PositiveWeight, double NegativeWeight) RocAuc(ReadOnlySpan<byte> counts)
    {
        long negativeBelow = 0, sum = 0, positiveTotal = 0;
        foreach (var packed in Packed)
        {
            long w = counts[packed & PositionMask];
            var wp = w & -((long)(packed >> 30) & 1);
            sum += wp * negativeBelow;
            positiveTotal += wp;
            negativeBelow += w - wp;
        }

        // Twice the sum, so the tie halves stay integral.
        var twiceSum = 2 * sum;
        foreach (var (start, length) in TieBlocks)
        {
            long blockPositive = 0, blockNegative = 0;
            foreach (var packed in Packed.AsSpan(start, length))
            {
                long w = counts[packed & PositionMask];
                if ((packed & (1 << 30)) != 0)
                {
                    blockPositive += w;
                }
                else
                {
                    blockNegative += w;
                }
            }

            twiceSum -= blockPositive * blockNegative;
        }

        var auc = positiveTotal > 0 && negativeBelow > 0 ? twiceSum / (2.0 * positiveTotal * negativeBelow) : double.NaN;
        return (auc, positiveTotal, negativeBelow);
    }

    /// <summary>
    /// <see cref="RocAuc(ReadOnlySpan{byte})"/> for eight resamples at once: <paramref name="counts"/> holds, by canonical
    /// position, eight byte counts per word (one per resample); the same exact integer sums, one lane each.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public (double Auc, double PositiveWeight, double NegativeWeight)[] RocAucBlock(ReadOnlySpan<ulong> counts)
    {
        var state = default(BlockAucState);
        AccumulateBlock(counts, 0, Packed.Length, ref state);
        return FinishBlock(counts, state);
    }

    /// <summary>The running sums of <see cref="RocAucBlock"/>, so the pass can be run in pieces (see <see cref="TiledAuc"/>).</summary>
    internal struct BlockAucState
    {
        public Vector512<long> NegativeBelow;
        public Vector512<long> Sum;
        public Vector512<long> PositiveTotal;
    }

    /// <summary>The main loop of <see cref="RocAucBlock"/> over <see cref="Packed"/>[<paramref name="from"/>..<paramref name="to"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal void AccumulateBlock(ReadOnlySpan<ulong> counts, int from, int to, ref BlockAucState state)
    {
        var negativeBelow = state.NegativeBelow;
        var sum = state.Sum;
        var positiveTotal = state.PositiveTotal;
        foreach (var packed in Packed.AsSpan(from, to - from))
        {
            var w = MetricSet.IntegerLanes(counts[packed & PositionMask]);
            var wp = w & Vector512.Create(-((long)(packed >> 30) & 1));
            sum += wp * negativeBelow;
            positiveTotal += wp;
            negativeBelow += w - wp;
        }

        state.NegativeBelow = negativeBelow;
        state.Sum = sum;
        state.PositiveTotal = positiveTotal;
    }

    /// <summary>The tie correction and the per-lane AUC of <see cref="RocAucBlock"/>, after the main loop.</summary>
    internal (double Auc, double PositiveWeight, double NegativeWeight)[] FinishBlock(ReadOnlySpan<ulong> counts, BlockAucState state)
    {
        var sum = state.Sum;
        var positiveTotal = state.PositiveTotal;
        var negativeBelow = state.NegativeBelow;
        var twiceSum = sum + sum;
        foreach (var (start, length) in TieBlocks)
        {
            var blockPositive = System.Runtime.Intrinsics.Vector512<long>.Zero;
            var blockNegative = System.Runtime.Intrinsics.Vector512<long>.Zero;
            foreach (var packed in Packed.AsSpan(start, length))
            {
                var w = MetricSet.IntegerLanes(counts[packed & PositionMask]);
                if ((packed & (1 << 30)) != 0)
                {
                    blockPositive += w;
                }
                else
                {
                    blockNegative += w;
                }
            }

            twiceSum -= blockPositive * blockNegative;
        }

        var results = new (double, double, double)[MetricSet.BlockWidth];
        for (var b = 0; b < results.Length; b++)
        {
            var p = positiveTotal.GetElement(b);
            var n = negativeBelow.GetElement(b);
            results[b] = (p > 0 && n > 0 ? twiceSum.GetElement(b) / (2.0 * p * n) : double.NaN, p, n);
        }

        return results;
    }

    /// <summary>Weighted ROC AUC (Mann-Whitney with ties as 1/2); NaN when a class has no weight. Weights by canonical position.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public (double Auc, double PositiveWeight, double NegativeWeight) RocAuc<T>(ReadOnlySpan<T> weights)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        if (typeof(T) == typeof(byte))
        {
            return RocAuc(System.Runtime.InteropServices.MemoryMarshal.Cast<T, byte>(weights));
        }

        double negativeBelow = 0, sum = 0, blockPositive = 0, blockNegative = 0, positiveTotal = 0;
        foreach (var packed in Packed)
        {
            var w = double.CreateTruncating(weights[packed & PositionMask]);
            var wp = (packed & (1 << 30)) != 0 ? w : 0;
            blockPositive += wp;
            blockNegative += w - wp;
            if (packed < 0)
            {
                sum += blockPositive * (negativeBelow + (0.5 * blockNegative));
                negativeBelow += blockNegative;
                positiveTotal += blockPositive;
                blockPositive = 0;
                blockNegative = 0;
            }
        }

        var auc = positiveTotal > 0 && negativeBelow > 0 ? sum / (positiveTotal * negativeBelow) : double.NaN;
        return (auc, positiveTotal, negativeBelow);
    }

    /// <summary>Weighted average precision as scikit-learn: Σ (R_n - R_{n-1}) P_n over descending distinct thresholds.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public (double AveragePrecision, double PositiveWeight) AveragePrecision<T>(ReadOnlySpan<T> weights)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var packedRows = Packed;
        double truePositives = 0, falsePositives = 0, sum = 0, blockPositive = 0, blockNegative = 0;
        for (var k = packedRows.Length - 1; k >= 0; k--)
        {
            var packed = packedRows[k];
            var w = double.CreateTruncating(weights[packed & PositionMask]);
            var wp = (packed & (1 << 30)) != 0 ? w : 0;
            blockPositive += wp;
            blockNegative += w - wp;
            if (k == 0 || packedRows[k - 1] < 0)
            {
                truePositives += blockPositive;
                falsePositives += blockNegative;
                if (blockPositive > 0)
                {
                    sum += blockPositive * truePositives / (truePositives + falsePositives);
                }

                blockPositive = 0;
                blockNegative = 0;
            }
        }

        return (truePositives > 0 ? sum / truePositives : double.NaN, truePositives);
    }

    /// <summary>
    /// <see cref="AveragePrecision{T}"/> for eight resamples at once (counts as in <see cref="RocAucBlock"/>): the same
    /// double arithmetic per lane, in the same order, so each lane equals the one-resample result bit for bit.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public (double AveragePrecision, double PositiveWeight)[] AveragePrecisionBlock(ReadOnlySpan<ulong> counts)
    {
        var packedRows = Packed;
        var truePositives = Vector512<double>.Zero;
        var falsePositives = Vector512<double>.Zero;
        var sum = Vector512<double>.Zero;
        var blockPositive = Vector512<double>.Zero;
        var blockNegative = Vector512<double>.Zero;
        for (var k = packedRows.Length - 1; k >= 0; k--)
        {
            var packed = packedRows[k];
            var w = MetricSet.Lanes(counts[packed & PositionMask]);
            var wp = (packed & (1 << 30)) != 0 ? w : Vector512<double>.Zero;
            blockPositive += wp;
            blockNegative += w - wp;
            if (k == 0 || packedRows[k - 1] < 0)
            {
                truePositives += blockPositive;
                falsePositives += blockNegative;
                var any = Vector512.GreaterThan(blockPositive, Vector512<double>.Zero);
                if (any != Vector512<double>.Zero)
                {
                    sum += Vector512.ConditionalSelect(any, blockPositive * truePositives / (truePositives + falsePositives), Vector512<double>.Zero);
                }

                blockPositive = Vector512<double>.Zero;
                blockNegative = Vector512<double>.Zero;
            }
        }

        var results = new (double, double)[MetricSet.BlockWidth];
        for (var b = 0; b < results.Length; b++)
        {
            var tp = truePositives.GetElement(b);
            results[b] = (tp > 0 ? sum.GetElement(b) / tp : double.NaN, tp);
        }

        return results;
    }

    /// <summary>
    /// Weighted median of the sort keys: with total weight W, the mean of the keys at expanded positions
    /// floor((W-1)/2) and ceil((W-1)/2); equals numpy.median for unit (or integer) weights.
    /// </summary>
    public double Median<T>(ReadOnlySpan<T> weights, Func<int, double> key)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var total = 0.0;
        foreach (var packed in Packed)
        {
            total += double.CreateTruncating(weights[packed & PositionMask]);
        }

        if (total <= 0)
        {
            return double.NaN;
        }

        var half = (total - 1) / 2;
        var lowPosition = Math.Floor(half);
        var highPosition = Math.Ceiling(half);
        double low = double.NaN, high = double.NaN, cumulative = 0;
        for (var k = 0; k < Packed.Length; k++)
        {
            var w = double.CreateTruncating(weights[Packed[k] & PositionMask]);
            if (w <= 0)
            {
                continue;
            }

            cumulative += w;
            if (double.IsNaN(low) && cumulative > lowPosition)
            {
                low = key(Order[k]);
            }

            if (cumulative > highPosition)
            {
                high = key(Order[k]);
                break;
            }
        }

        if (double.IsNaN(high))
        {
            high = low;
        }

        return (low + high) / 2;
    }

    /// <summary>The largest key among rows with positive weight.</summary>
    public double Max<T>(ReadOnlySpan<T> weights, Func<int, double> key)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        for (var k = Packed.Length - 1; k >= 0; k--)
        {
            if (double.CreateTruncating(weights[Packed[k] & PositionMask]) > 0)
            {
                return key(Order[k]);
            }
        }

        return double.NaN;
    }
}
