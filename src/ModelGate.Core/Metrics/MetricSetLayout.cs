namespace ModelGate.Core.Metrics;

/// <summary>
/// Where each additive sum of a <see cref="MetricSet"/> sits in its buffer; built once per set.
/// The buffer is (<see cref="MetricSet.Slots"/> + 1) slots of <see cref="Stride"/> doubles each: slot 0 is the whole
/// holdout, slot g + 1 group g of the slice, and the last slot collects the rows in no group (classification only:
/// the overall slot is then the sum of all the others). Every sum is weighted by the row's weight w. Within a slot:
/// <list type="table">
/// <listheader><term>Offset (size)</term><description>Sum</description></listheader>
/// <item><term><see cref="Total"/> = 0 (1)</term><description>Σ w, every task.</description></item>
/// <item><term><see cref="Confusion"/> = 1 (k²)</term><description>Classification: Σ w per confusion cell (<see cref="ScoredModel.ConfusionCell"/>).</description></item>
/// <item><term><see cref="LogLoss"/> (1)</term><description>Classification: Σ w × the row's log loss.</description></item>
/// <item><term><see cref="Brier"/> (1)</term><description>Classification: Σ w × the row's Brier score.</description></item>
/// <item><term><see cref="TopK"/> (<see cref="TopKRanks"/>)</term><description>Classification: Σ w of rows whose true class has score rank r, for r below <see cref="TopKRanks"/>.</description></item>
/// <item><term><see cref="AbsoluteError"/> = 1 .. <see cref="AbsolutePercentageError"/> = 5 (5)</term><description>Regression: Σ w|e|, Σ w e², Σ w y, Σ w y², Σ w |e| / |y|.</description></item>
/// <item><term><see cref="BinningOffsets"/>[j] (3 × bins × columns)</term><description>Calibration binning j, after the task's sums: per class column (one unless class-wise) and bin, Σ w, Σ w × value, Σ w × outcome.</description></item>
/// </list>
/// Classification and regression sums share offsets 1.. because a set holds one task's sums only.
/// </summary>
internal sealed class MetricSetLayout
{
    /// <summary>The slot's total weight.</summary>
    public const int Total = 0;

    /// <summary>True-class ranks counted for top-k accuracy (k above this counts only these ranks).</summary>
    public const int TopKRanks = 5;

    /// <summary>Regression: Σ w |error|.</summary>
    public const int AbsoluteError = 1;

    /// <summary>Regression: Σ w error².</summary>
    public const int SquaredError = 2;

    /// <summary>Regression: Σ w target.</summary>
    public const int Target = 3;

    /// <summary>Regression: Σ w target².</summary>
    public const int SquaredTarget = 4;

    /// <summary>Regression: Σ w |error| / |target|.</summary>
    public const int AbsolutePercentageError = 5;

    private const int RegressionEnd = AbsolutePercentageError + 1;

    private MetricSetLayout(int classes, bool regression, IReadOnlyList<int> binningSizes)
    {
        var offset = Total + 1;
        if (regression)
        {
            offset = RegressionEnd;
        }
        else
        {
            Confusion = offset;
            offset += classes * classes;
            LogLoss = offset++;
            Brier = offset++;
            TopK = offset;
            offset += TopKRanks;
        }

        var binnings = new int[binningSizes.Count];
        for (var j = 0; j < binnings.Length; j++)
        {
            binnings[j] = offset;
            offset += binningSizes[j];
        }

        BinningOffsets = binnings;
        Stride = offset;
    }

    /// <summary>Classification: the first of the k × k confusion cells.</summary>
    public int Confusion { get; }

    /// <summary>Classification: Σ w × log loss.</summary>
    public int LogLoss { get; }

    /// <summary>Classification: Σ w × Brier score.</summary>
    public int Brier { get; }

    /// <summary>Classification: the first of <see cref="TopKRanks"/> sums, one per true-class rank.</summary>
    public int TopK { get; }

    /// <summary>Where each calibration binning's sums start, in the order of the sizes given.</summary>
    public IReadOnlyList<int> BinningOffsets { get; }

    /// <summary>Doubles per slot.</summary>
    public int Stride { get; }

    /// <summary>The layout for a model with <paramref name="classes"/> classes (regression: ignored) and the given binning sizes.</summary>
    public static MetricSetLayout For(TaskKind task, int classes, IReadOnlyList<int> binningSizes) =>
        new(classes, task == TaskKind.Regression, binningSizes);
}
