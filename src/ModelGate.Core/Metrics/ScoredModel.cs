using System.Collections.Concurrent;
using ModelGate.Core.Evaluation;

namespace ModelGate.Core.Metrics;

/// <summary>
/// One model's predictions joined with the truth, with the per-row quantities every metric is built from
/// (predicted class, top-label confidence, log loss, squared error...) computed once, and score orders sorted once.
/// Resampling then only changes row weights.
/// </summary>
internal sealed class ScoredModel
{
    /// <summary>Probabilities are clipped to [eps, 1 - eps] for log loss (scikit-learn 1.2's default eps).</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>Float64 machine epsilon, the floor of MAPE's denominator (as scikit-learn).</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    // Lazy values: metric sets are built in parallel, and each of these must be built once (sets share them by reference).
    private readonly ConcurrentDictionary<int, Lazy<int[]>> _orders = new();
    private readonly ConcurrentDictionary<int, Lazy<int[]>> _equalMassBins = new();
    private readonly ConcurrentDictionary<int, Lazy<RankedPass>> _overallPasses = new();
    private readonly ConcurrentDictionary<(BinningKind, int), Lazy<BinningRows>> _binnings = new();
    private int[]? _confusionCell;
    private readonly Lazy<int[]> _positionOf;

    /// <summary>Prepares a classification model: labels are class indices 0..K-1 (binary: 1 = positive).</summary>
    public ScoredModel(TaskKind task, int[] labels, Predictions predictions, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        if (task == TaskKind.Regression)
        {
            throw new ArgumentException("Use the regression constructor for regression.", nameof(task));
        }

        if (labels.Length != predictions.RowCount)
        {
            throw new ArgumentException($"{labels.Length} labels for {predictions.RowCount} prediction rows.", nameof(labels));
        }

        _positionOf = new Lazy<int[]>(BuildPositionOf);
        Task = task;
        LabelsRows = labels;
        Predictions = predictions;
        Threshold = threshold;
        RowCount = labels.Length;
        ClassCount = task == TaskKind.Binary ? 2 : predictions.ClassCount;
        var n = RowCount;
        PredictedRows = new int[n];
        TopLabelRows = new int[n];
        ConfidenceRows = new double[n];
        TopLabelCorrectRows = new double[n];
        LogLossRows = new double[n];
        BrierRows = new double[n];
        TrueRankRows = new int[n];
        for (var i = 0; i < n; i++)
        {
            var y = labels[i];
            if ((uint)y >= (uint)ClassCount)
            {
                throw new ArgumentException($"Row {i + 1}: label {y} is outside 0..{ClassCount - 1}.", nameof(labels));
            }

            var top = 0;
            var best = Probability(i, 0);
            var brier = 0.0;
            var trueP = Probability(i, y);
            var rank = 0;
            for (var k = 0; k < ClassCount; k++)
            {
                var p = Probability(i, k);
                if (p > best)
                {
                    best = p;
                    top = k;
                }

                if (p > trueP)
                {
                    rank++;
                }

                var d = p - (k == y ? 1 : 0);
                brier += d * d;
            }

            TopLabelRows[i] = top;
            ConfidenceRows[i] = best;
            TopLabelCorrectRows[i] = top == y ? 1 : 0;
            PredictedRows[i] = task == TaskKind.Binary ? (Probability(i, 1) >= threshold ? 1 : 0) : top;
            LogLossRows[i] = -Math.Log(Math.Clamp(trueP, LogLossEpsilon, 1 - LogLossEpsilon));
            BrierRows[i] = task == TaskKind.Binary ? Square(Probability(i, 1) - y) : brier;
            TrueRankRows[i] = rank;
        }
    }

    /// <summary>Prepares a regression model.</summary>
    public ScoredModel(double[] targets, Predictions predictions)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(predictions);
        if (targets.Length != predictions.RowCount)
        {
            throw new ArgumentException($"{targets.Length} targets for {predictions.RowCount} prediction rows.", nameof(targets));
        }

        _positionOf = new Lazy<int[]>(BuildPositionOf);
        Task = TaskKind.Regression;
        TargetsRows = targets;
        Predictions = predictions;
        RowCount = targets.Length;
        ClassCount = 1;
        PredictedRows = [];
        TopLabelRows = [];
        ConfidenceRows = [];
        TopLabelCorrectRows = [];
        LogLossRows = [];
        BrierRows = [];
        TrueRankRows = [];
        ErrorRows = new double[RowCount];
        AbsoluteErrorRows = new double[RowCount];
        AbsolutePercentageErrorRows = new double[RowCount];
        for (var i = 0; i < RowCount; i++)
        {
            var e = predictions.Scores[i * predictions.ClassCount] - targets[i];
            ErrorRows[i] = e;
            AbsoluteErrorRows[i] = Math.Abs(e);
            AbsolutePercentageErrorRows[i] = Math.Abs(e) / Math.Max(Math.Abs(targets[i]), MachineEpsilon);
        }
    }

    /// <summary>The task.</summary>
    public TaskKind Task { get; }

    /// <summary>Rows.</summary>
    public int RowCount { get; }

    /// <summary>Classes (1 for regression).</summary>
    public int ClassCount { get; }

    /// <summary>The decision threshold on P(positive) (binary).</summary>
    public double Threshold { get; }

    /// <summary>Class labels (classification).</summary>
    public IReadOnlyList<int>? Labels => LabelsRows;

    /// <summary>The array behind <see cref="Labels"/>, for Core's own loops (never handed out writable).</summary>
    internal int[]? LabelsRows { get; }

    /// <summary>Targets (regression).</summary>
    public IReadOnlyList<double>? Targets => TargetsRows;

    /// <summary>The array behind <see cref="Targets"/>, for Core's own loops (never handed out writable).</summary>
    internal double[]? TargetsRows { get; }

    /// <summary>The raw predictions.</summary>
    public Predictions Predictions { get; }

    /// <summary>Predicted class: threshold on P(positive) for binary, argmax for multiclass.</summary>
    public IReadOnlyList<int> Predicted => PredictedRows;

    /// <summary>The array behind <see cref="Predicted"/>, for Core's own loops (never handed out writable).</summary>
    internal int[] PredictedRows { get; }

    /// <summary>Argmax class (ties: lowest index), used by top-label calibration.</summary>
    public IReadOnlyList<int> TopLabel => TopLabelRows;

    /// <summary>The array behind <see cref="TopLabel"/>, for Core's own loops (never handed out writable).</summary>
    internal int[] TopLabelRows { get; }

    /// <summary>Largest class probability.</summary>
    public IReadOnlyList<double> Confidence => ConfidenceRows;

    /// <summary>The array behind <see cref="Confidence"/>, for Core's own loops (never handed out writable).</summary>
    internal double[] ConfidenceRows { get; }

    /// <summary>1 when the argmax class is the label, else 0.</summary>
    public IReadOnlyList<double> TopLabelCorrect => TopLabelCorrectRows;

    /// <summary>The array behind <see cref="TopLabelCorrect"/>, for Core's own loops (never handed out writable).</summary>
    internal double[] TopLabelCorrectRows { get; }

    /// <summary>Per-row log loss with clipped probabilities.</summary>
    public IReadOnlyList<double> LogLoss => LogLossRows;

    /// <summary>The array behind <see cref="LogLoss"/>, for Core's own loops (never handed out writable).</summary>
    internal double[] LogLossRows { get; }

    /// <summary>Per-row Brier term: (p - y)² for binary, Σ_k (p_k - 1[y = k])² for multiclass.</summary>
    public IReadOnlyList<double> Brier => BrierRows;

    /// <summary>The array behind <see cref="Brier"/>, for Core's own loops (never handed out writable).</summary>
    internal double[] BrierRows { get; }

    /// <summary>Classes with a strictly larger probability than the true class (top-k correct when below k).</summary>
    public IReadOnlyList<int> TrueRank => TrueRankRows;

    /// <summary>The array behind <see cref="TrueRank"/>, for Core's own loops (never handed out writable).</summary>
    internal int[] TrueRankRows { get; }

    /// <summary>Prediction minus target (regression).</summary>
    public IReadOnlyList<double>? Error => ErrorRows;

    /// <summary>The array behind <see cref="Error"/>, for Core's own loops (never handed out writable).</summary>
    internal double[]? ErrorRows { get; }

    /// <summary>|prediction - target| (regression).</summary>
    public IReadOnlyList<double>? AbsoluteError => AbsoluteErrorRows;

    /// <summary>The array behind <see cref="AbsoluteError"/>, for Core's own loops (never handed out writable).</summary>
    internal double[]? AbsoluteErrorRows { get; }

    /// <summary>|prediction - target| / max(|target|, machine epsilon), as scikit-learn's MAPE.</summary>
    public IReadOnlyList<double>? AbsolutePercentageError => AbsolutePercentageErrorRows;

    /// <summary>The array behind <see cref="AbsolutePercentageError"/>, for Core's own loops (never handed out writable).</summary>
    internal double[]? AbsolutePercentageErrorRows { get; }

    /// <summary>The probability of class <paramref name="k"/> in row <paramref name="row"/>; binary accepts one or two columns.</summary>
    public double Probability(int row, int k)
    {
        var c = Predictions.ClassCount;
        if (c == 1)
        {
            var p = Predictions.Scores[row];
            return k == 1 ? p : 1 - p;
        }

        return Predictions.Scores[(row * c) + k];
    }

    /// <summary>The column number <see cref="Order"/>, <see cref="OrderKey"/> and the ranked passes give a regression model's absolute error.</summary>
    public const int AbsoluteErrorColumn = -1;

    /// <summary>
    /// Row indices sorted ascending by the score of class <paramref name="column"/> (ties by row index);
    /// <see cref="AbsoluteErrorColumn"/> sorts regression rows by absolute error. Sorted once and cached.
    /// </summary>
    public IReadOnlyList<int> Order(int column) => OrderRows(column);

    /// <summary>The array behind <see cref="Order"/>, shared by every metric set: Core reads it, never writes it.</summary>
    internal int[] OrderRows(int column) => _orders.GetOrAdd(column, c => new Lazy<int[]>(() => SortedBy(c))).Value;

    private int[] SortedBy(int c)
    {
        var keys = new double[RowCount];
        for (var i = 0; i < RowCount; i++)
        {
            keys[i] = c < 0 ? AbsoluteErrorRows![i] : Probability(i, c);
        }

        var order = Enumerable.Range(0, RowCount).ToArray();
        Array.Sort(keys, order);
        SortTieRunsByIndex(keys, order);
        return order;
    }

    /// <summary>
    /// The score column whose order is this model's canonical order: P(positive) for binary, class 0 for multiclass,
    /// the absolute error for regression (<see cref="AbsoluteErrorColumn"/>).
    /// </summary>
    public int CanonicalColumn => Task switch
    {
        TaskKind.Binary => 1,
        TaskKind.Regression => AbsoluteErrorColumn,
        _ => 0,
    };

    /// <summary>
    /// Rows in canonical order (<see cref="Order"/> of <see cref="CanonicalColumn"/>): the order in which ranked passes
    /// read resample weights, so the most used pass reads them sequentially.
    /// </summary>
    public IReadOnlyList<int> Canonical => CanonicalRows;

    /// <summary>The array behind <see cref="Canonical"/>.</summary>
    internal int[] CanonicalRows => OrderRows(CanonicalColumn);

    /// <summary>Each row's position in <see cref="Canonical"/>.</summary>
    internal int[] PositionOf => _positionOf.Value;

    /// <summary>Copies row-order weights into canonical order (one gather; what every ranked pass then reads).</summary>
    public void ToCanonical<T>(ReadOnlySpan<T> byRow, Span<T> canonical)
    {
        var order = CanonicalRows;
        if (byRow.Length != RowCount || canonical.Length != RowCount)
        {
            throw new ArgumentException($"{byRow.Length} weights and {canonical.Length} slots for {RowCount} rows.", nameof(byRow));
        }

        for (var k = 0; k < order.Length; k++)
        {
            canonical[k] = byRow[order[k]];
        }
    }

    /// <summary>The pass over all rows sorted by <paramref name="column"/>: built once per model, shared by every metric set.</summary>
    internal RankedPass OverallPass(int column) =>
        _overallPasses.GetOrAdd(column, c => new Lazy<RankedPass>(() => new RankedPass(OrderRows(c), PositionOf, i => OrderKey(c, i), IsPositiveFor(c)))).Value;

    /// <summary>Per-row bins of one calibration binning: built once per model, shared by every metric set.</summary>
    internal BinningRows Binning(BinningKind kind, int bins) =>
        _binnings.GetOrAdd((kind, bins), key => new Lazy<BinningRows>(() => new BinningRows(key.Item1, key.Item2, this))).Value;

    /// <summary>Each row's confusion-matrix cell, label × K + predicted (classification): built once, shared by every metric set.</summary>
    internal int[] ConfusionCell => LazyInitializer.EnsureInitialized(ref _confusionCell, () =>
    {
        var cell = new int[RowCount];
        for (var i = 0; i < RowCount; i++)
        {
            cell[i] = (LabelsRows![i] * ClassCount) + PredictedRows[i];
        }

        return cell;
    });

    /// <summary>Whether a row counts as positive in the ranked pass of <paramref name="column"/> (its label is that class).</summary>
    internal Func<int, bool> IsPositiveFor(int column)
    {
        var labels = LabelsRows;
        var positiveClass = column < 0 ? 0 : column;
        return labels is null ? _ => false : i => labels[i] == positiveClass;
    }

    /// <summary>The sort key of <see cref="Order"/> for one row.</summary>
    public double OrderKey(int column, int row) => column < 0 ? AbsoluteErrorRows![row] : Probability(row, column);

    /// <summary>
    /// Equal-mass bin of each row: rows sorted by top-label confidence (stable) split into <paramref name="bins"/> chunks
    /// as numpy.array_split does (the first n mod B chunks hold one extra row). Fixed by the full holdout, reused by resamples.
    /// </summary>
    public IReadOnlyList<int> EqualMassBins(int bins) => EqualMassBinRows(bins);

    /// <summary>The array behind <see cref="EqualMassBins"/>.</summary>
    internal int[] EqualMassBinRows(int bins) => _equalMassBins.GetOrAdd(bins, b => new Lazy<int[]>(() => EqualMass(b))).Value;

    private int[] EqualMass(int b)
    {
        var keys = (double[])ConfidenceRows.Clone();
        var order = Enumerable.Range(0, RowCount).ToArray();
        Array.Sort(keys, order);
        SortTieRunsByIndex(keys, order);
        var assignment = new int[RowCount];
        var q = RowCount / b;
        var r = RowCount % b;
        var position = 0;
        for (var chunk = 0; chunk < b; chunk++)
        {
            var size = q + (chunk < r ? 1 : 0);
            for (var j = 0; j < size; j++)
            {
                assignment[order[position++]] = chunk;
            }
        }

        return assignment;
    }

    private static double Square(double x) => x * x;

    private int[] BuildPositionOf()
    {
        var order = CanonicalRows;
        var position = new int[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            position[order[k]] = k;
        }

        return position;
    }

    // Array.Sort is unstable; a stable order makes equal-mass bins and flips deterministic.
    private static void SortTieRunsByIndex(double[] keys, int[] order)
    {
        var i = 0;
        while (i < keys.Length)
        {
            var j = i + 1;
            while (j < keys.Length && keys[j] == keys[i])
            {
                j++;
            }

            if (j - i > 1)
            {
                Array.Sort(order, i, j - i);
            }

            i = j;
        }
    }
}
