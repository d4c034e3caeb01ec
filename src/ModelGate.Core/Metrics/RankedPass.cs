namespace ModelGate.Core.Metrics;

/// <summary>
/// Rows of one slot (the whole holdout or one group) sorted once by one score column, with the label in sort order and
/// tie-block ends, so ROC AUC, average precision and weighted medians are one weighted pass per resample, never a re-sort.
/// </summary>
internal sealed class RankedPass
{
    private const int RowMask = (1 << 30) - 1;

    public RankedPass(int[] order, Func<int, double> key, Func<int, bool> isPositive)
    {
        Order = order;
        Positive = new double[order.Length];
        BlockEnd = new bool[order.Length];
        Packed = new int[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            Positive[k] = isPositive(order[k]) ? 1 : 0;
            BlockEnd[k] = k == order.Length - 1 || key(order[k + 1]) != key(order[k]);
            Packed[k] = order[k] | (Positive[k] > 0 ? 1 << 30 : 0) | (BlockEnd[k] ? int.MinValue : 0);
        }
    }

    /// <summary>Row (bits 0-29), positive label (bit 30) and tie-block end (bit 31) in one word: one memory stream for the byte-count pass.</summary>
    public int[] Packed { get; }

    /// <summary>
    /// ROC AUC for integer resample counts: the same Mann-Whitney sum in exact 64-bit integers (doubled, so ties' halves
    /// stay integral), branch-free over tie blocks.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public (double Auc, double PositiveWeight, double NegativeWeight) RocAuc(ReadOnlySpan<byte> counts)
    {
        if (Order.Length > RowMask)
        {
            return RocAuc<byte>(counts);
        }

        long negativeBelow = 0, twiceSum = 0, blockPositive = 0, blockNegative = 0, positiveTotal = 0;
        foreach (var packed in Packed)
        {
            long w = counts[packed & RowMask];
            long positive = (packed >> 30) & 1;
            long end = (long)((uint)packed >> 31);
            var wp = w * positive;
            blockPositive += wp;
            blockNegative += w - wp;
            twiceSum += end * blockPositive * ((2 * negativeBelow) + blockNegative);
            negativeBelow += end * blockNegative;
            positiveTotal += end * blockPositive;
            blockPositive *= 1 - end;
            blockNegative *= 1 - end;
        }

        var auc = positiveTotal > 0 && negativeBelow > 0 ? twiceSum / (2.0 * positiveTotal * negativeBelow) : double.NaN;
        return (auc, positiveTotal, negativeBelow);
    }

    public int[] Order { get; }

    public double[] Positive { get; }

    public bool[] BlockEnd { get; }

    /// <summary>Weighted ROC AUC (Mann-Whitney with ties as 1/2); NaN when a class has no weight. Also returns the positive weight.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public (double Auc, double PositiveWeight, double NegativeWeight) RocAuc<T>(ReadOnlySpan<T> weights)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var order = Order;
        var positive = Positive;
        var blockEnd = BlockEnd;
        double negativeBelow = 0, sum = 0, blockPositive = 0, blockNegative = 0, positiveTotal = 0;
        for (var k = 0; k < order.Length; k++)
        {
            var w = double.CreateTruncating(weights[order[k]]);
            var wp = w * positive[k];
            blockPositive += wp;
            blockNegative += w - wp;
            if (blockEnd[k])
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
        var order = Order;
        var positive = Positive;
        var blockEnd = BlockEnd;
        double truePositives = 0, falsePositives = 0, sum = 0, blockPositive = 0, blockNegative = 0;
        for (var k = order.Length - 1; k >= 0; k--)
        {
            var w = double.CreateTruncating(weights[order[k]]);
            var wp = w * positive[k];
            blockPositive += wp;
            blockNegative += w - wp;
            if (k == 0 || blockEnd[k - 1])
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
    /// Weighted median of the sort keys: with total weight W, the mean of the keys at expanded positions
    /// floor((W-1)/2) and ceil((W-1)/2); equals numpy.median for unit (or integer) weights.
    /// </summary>
    public double Median<T>(ReadOnlySpan<T> weights, Func<int, double> key)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var total = 0.0;
        foreach (var i in Order)
        {
            total += double.CreateTruncating(weights[i]);
        }

        if (total <= 0)
        {
            return double.NaN;
        }

        var half = (total - 1) / 2;
        var lowPosition = Math.Floor(half);
        var highPosition = Math.Ceiling(half);
        double low = double.NaN, high = double.NaN, cumulative = 0;
        foreach (var i in Order)
        {
            var w = double.CreateTruncating(weights[i]);
            if (w <= 0)
            {
                continue;
            }

            cumulative += w;
            if (double.IsNaN(low) && cumulative > lowPosition)
            {
                low = key(i);
            }

            if (cumulative > highPosition)
            {
                high = key(i);
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
        for (var k = Order.Length - 1; k >= 0; k--)
        {
            if (double.CreateTruncating(weights[Order[k]]) > 0)
            {
                return key(Order[k]);
            }
        }

        return double.NaN;
    }
}
