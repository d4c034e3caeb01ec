using ModelGate.Core.Evaluation;

namespace ModelGate.Core.Metrics;

/// <summary>
/// Computes a list of metrics of one model over the whole holdout and, optionally, every group of one slice, for any
/// row weights: additive quantities (confusion matrix, log loss, Brier, calibration bins, regression sums) in one
/// pass over the rows, order-based ones (ROC AUC, average precision, median) in one pass over pre-sorted rows.
/// The unit of work of the bootstrap: thread-safe, allocation-light. Where each sum sits: <see cref="MetricSetLayout"/>.
/// </summary>
internal sealed partial class MetricSet
{
    private readonly ScoredModel _model;
    private readonly MetricRequest[] _requests;
    private readonly int[]? _groupOf;
    private readonly int _k;
    private readonly MetricSetLayout _layout;
    private readonly int _stride;
    private readonly int[]? _cell;
    private readonly bool _needConfusion;
    private readonly bool _needLogLoss;
    private readonly bool _needBrier;
    private readonly bool _needTopK;
    private readonly bool _needRegression;
    private readonly bool _aucOnly;
    private readonly bool _rankedOnly;
    private readonly bool _needAuc;
    private readonly bool _needAveragePrecision;
    private readonly List<Binning> _binnings = [];
    private readonly int[] _binningOf;

    // Ranked passes by the model's column (a class, or ScoredModel.AbsoluteErrorColumn), one per slot.
    private readonly Dictionary<int, RankedPass[]> _passes = [];

    /// <summary>Prepares the metrics; <paramref name="slice"/> adds one slot per group after the overall slot.</summary>
    public MetricSet(ScoredModel model, IReadOnlyList<MetricRequest> requests, SliceColumn? slice = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(requests);
        _model = model;
        _requests = [.. requests];
        _k = model.ClassCount;
        if (slice is not null && slice.GroupOf.Length != model.RowCount)
        {
            throw new ArgumentException($"Slice '{slice.Name}' has {slice.GroupOf.Length} rows, the predictions {model.RowCount}.", nameof(slice));
        }

        _groupOf = slice?.GroupOf;
        Slice = slice;
        Slots = 1 + (slice?.GroupNames.Count ?? 0);
        _binningOf = new int[_requests.Length];
        var isRegression = model.Task == TaskKind.Regression;
        foreach (var request in _requests)
        {
            var kind = request.Kind;
            var applies = MetricCatalog.Find(request.Metric)?.Tasks.Contains(model.Task) ?? false;
            if (!applies)
            {
                throw new ArgumentException($"Metric '{request.Metric}' does not apply to {model.Task} tasks.", nameof(requests));
            }

            _needConfusion |= IsConfusionKind(kind);
            _needLogLoss |= kind == MetricKind.LogLoss;
            _needBrier |= kind == MetricKind.Brier;
            _needTopK |= kind == MetricKind.TopK;
            _needRegression |= isRegression;
        }

        // ROC AUC alone needs no additive pass: a slot's total weight is the AUC pass's positive + negative weight.
        _aucOnly = !isRegression && _requests.All(r => r.Kind is MetricKind.RocAuc or MetricKind.RocAucWeighted);

        // Binary ROC AUC and average precision only: in resamples the ranked passes give every value (see EvaluateBlock).
        _rankedOnly = model.Task == TaskKind.Binary && _requests.All(r => r.Kind is MetricKind.RocAuc or MetricKind.RocAucWeighted or MetricKind.AveragePrecision);
        Blockable = !isRegression;
        _needAuc = _requests.Any(r => r.Kind is MetricKind.RocAuc or MetricKind.RocAucWeighted);
        _needAveragePrecision = _requests.Any(r => r.Kind == MetricKind.AveragePrecision);
        var binningSpecs = new List<(BinningKind Kind, int Bins)>();
        for (var r = 0; r < _requests.Length; r++)
        {
            var kind = _requests[r].Kind;
            BinningKind? binningKind = kind switch
            {
                MetricKind.Ece or MetricKind.Mce => BinningKind.TopLabelWidth,
                MetricKind.EceAdaptive => BinningKind.TopLabelMass,
                MetricKind.EcePositive => BinningKind.Positive,
                MetricKind.ClasswiseEce => BinningKind.Classwise,
                _ => null,
            };
            _binningOf[r] = -1;
            if (binningKind is null)
            {
                continue;
            }

            var bins = _requests[r].Bins;
            ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
            var existing = binningSpecs.IndexOf((binningKind.Value, bins));
            if (existing < 0)
            {
                binningSpecs.Add((binningKind.Value, bins));
                existing = binningSpecs.Count - 1;
            }

            _binningOf[r] = existing;
        }

        _layout = MetricSetLayout.For(model.Task, _k, [.. binningSpecs.Select(b => Binning.SizeOf(b.Kind, b.Bins, _k))]);
        for (var j = 0; j < binningSpecs.Count; j++)
        {
            _binnings.Add(new Binning(binningSpecs[j].Kind, binningSpecs[j].Bins, _layout.BinningOffsets[j], model));
        }

        _stride = _layout.Stride;
        if (_needConfusion)
        {
            _cell = model.ConfusionCell;
        }

        foreach (var request in _requests)
        {
            foreach (var column in ColumnsFor(request.Kind))
            {
                if (!_passes.ContainsKey(column))
                {
                    _passes[column] = BuildPasses(column);
                }
            }
        }
    }

    /// <summary>The slice whose groups follow the overall slot, if any.</summary>
    public SliceColumn? Slice { get; }

    /// <summary>1 (overall) plus one per group.</summary>
    public int Slots { get; }

    /// <summary>The metrics, in output order within a slot.</summary>
    public IReadOnlyList<MetricRequest> Requests => _requests;

    /// <summary>Values per evaluation: <see cref="Slots"/> × metrics, slot-major.</summary>
    public int OutputCount => Slots * _requests.Length;

    /// <summary>The model.</summary>
    public ScoredModel Model => _model;

    /// <summary>Whether some metric reads weights in the model's canonical order (ranked passes: AUC, AP, medians).</summary>
    public bool NeedsCanonical => _passes.Count > 0;

    /// <summary>Point values: every metric in every slot for the given row weights (undefined values get their reason).</summary>
    public void Evaluate(ReadOnlySpan<double> weights, Span<MetricValue> output)
    {
        var canonical = new double[NeedsCanonical ? weights.Length : 0];
        if (NeedsCanonical && weights.Length == _model.RowCount)
        {
            _model.ToCanonical(weights, canonical);
        }

        EvaluateValues(weights, canonical, output, null);
    }

    /// <summary>
    /// The resampling path, NaN for undefined: weights by row (the bootstrap's byte resample counts, or real-valued
    /// weights), the same weights in the model's canonical order (see <see cref="ScoredModel.ToCanonical{T}"/>; empty
    /// when <see cref="NeedsCanonical"/> is false). <paramref name="memo"/> shares passes over all rows between the sets
    /// of one resample.
    /// </summary>
    public void Evaluate<T>(ReadOnlySpan<T> weights, ReadOnlySpan<T> canonicalWeights, Span<double> output, PassMemo? memo)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var values = new MetricValue[OutputCount];
        EvaluateValues(weights, canonicalWeights, values, memo);
        Values(values, output);
    }

    // The NaN-for-undefined form the resampling path stores.
    private static void Values(ReadOnlySpan<MetricValue> values, Span<double> output)
    {
        for (var i = 0; i < values.Length; i++)
        {
            output[i] = values[i].Value;
        }
    }

    private void EvaluateValues<T>(ReadOnlySpan<T> weights, ReadOnlySpan<T> canonical, Span<MetricValue> output, PassMemo? memo)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        if (weights.Length != _model.RowCount)
        {
            throw new ArgumentException($"{weights.Length} weights for {_model.RowCount} rows.", nameof(weights));
        }

        if (NeedsCanonical && canonical.Length != _model.RowCount)
        {
            throw new ArgumentException($"{canonical.Length} canonical weights for {_model.RowCount} rows.", nameof(canonical));
        }

        var sums = new double[(Slots + 1) * _stride];
        if (_aucOnly)
        {
            memo ??= new PassMemo();
            var column = _model.Task == TaskKind.Binary ? 1 : 0;
            for (var slot = 0; slot < Slots; slot++)
            {
                var (_, positive, negative) = Auc(_passes[column][slot], canonical, memo);
                sums[(slot * _stride) + MetricSetLayout.Total] = positive + negative;
            }
        }
        else
        {
            Accumulate(weights, sums);
        }

        for (var slot = 0; slot < Slots; slot++)
        {
            var slotSums = sums.AsSpan(slot * _stride, _stride);
            for (var r = 0; r < _requests.Length; r++)
            {
                output[(slot * _requests.Length) + r] = Finalize(r, slot, slotSums, canonical, memo);
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Accumulate<T>(ReadOnlySpan<T> weights, double[] sums)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        if (_needRegression)
        {
            AccumulateRegression(weights, sums);
            return;
        }

        // Hoisted into locals: this loop runs once per row per resample and dominates the bootstrap's cost.
        var (groupOf, stride, noGroup, cell, confusionOffset, logLoss, logLossOffset, brier, brierOffset, trueRank, topKOffset, firstBin, firstValue, firstOutcome, firstOffset, others) = Terms();

        // Every sum adds its rows in row order, with a multiply then an add (no fused multiply-add): the block path
        // (EvaluateBlock, eight resamples per pass) does exactly the same per lane, so both give identical bits.
        // Rows in no group land in an extra slot after the groups; the overall slot is then the sum of all the others,
        // so each row is scattered once. Zero weights are added rather than skipped: a branch costs more than the add.
        for (var i = 0; i < weights.Length; i++)
        {
            var w = double.CreateTruncating(weights[i]);
            var b = groupOf is null ? 0 : (groupOf[i] >= 0 ? (groupOf[i] + 1) * stride : noGroup);
            sums[b] += w;
            if (cell is not null)
            {
                sums[b + confusionOffset + cell[i]] += w;
            }

            if (logLoss is not null)
            {
                sums[b + logLossOffset] += w * logLoss[i];
            }

            if (brier is not null)
            {
                sums[b + brierOffset] += w * brier[i];
            }

            if (trueRank is not null && trueRank[i] < MetricSetLayout.TopKRanks)
            {
                sums[b + topKOffset + trueRank[i]] += w;
            }

            if (firstBin is not null)
            {
                var at = b + firstOffset + firstBin[i];
                sums[at] += w;
                sums[at + 1] += w * firstValue![i];
                sums[at + 2] += w * firstOutcome![i];
            }

            foreach (var binning in others)
            {
                binning.Add(sums, b, i, w);
            }
        }

        if (groupOf is not null)
        {
            for (var slot = 1; slot <= Slots; slot++)
            {
                for (var j = 0; j < stride; j++)
                {
                    sums[j] += sums[(slot * stride) + j];
                }
            }
        }
    }

    // What the additive pass reads per row, and where each sum sits in a slot: one place for both of its loops.
    private RowTerms Terms()
    {
        var m = _model;
        var first = _binnings.Count > 0 ? _binnings[0].Single : null;
        return new RowTerms(
            _groupOf,
            _stride,
            Slots * _stride,
            _needConfusion ? _cell : null,
            _layout.Confusion,
            _needLogLoss ? m.LogLossRows : null,
            _layout.LogLoss,
            _needBrier ? m.BrierRows : null,
            _layout.Brier,
            _needTopK ? m.TrueRankRows : null,
            _layout.TopK,
            first?.Bin,
            first?.Value,
            first?.Outcome,
            first is null ? 0 : _binnings[0].Offset,
            first is null ? [.. _binnings] : [.. _binnings.Skip(1)]);
    }

    private readonly record struct RowTerms(
        int[]? GroupOf,
        int Stride,
        int NoGroup,
        int[]? Cell,
        int ConfusionOffset,
        double[]? LogLoss,
        int LogLossOffset,
        double[]? Brier,
        int BrierOffset,
        int[]? TrueRank,
        int TopKOffset,
        int[]? FirstBin,
        double[]? FirstValue,
        double[]? FirstOutcome,
        int FirstOffset,
        Binning[] Others);

    private void AccumulateRegression<T>(ReadOnlySpan<T> weights, double[] sums)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var m = _model;
        var groupOf = _groupOf;
        var stride = _stride;
        var error = m.ErrorRows!;
        var absolute = m.AbsoluteErrorRows!;
        var targets = m.TargetsRows!;
        var percentage = m.AbsolutePercentageErrorRows!;
        for (var i = 0; i < weights.Length; i++)
        {
            var w = double.CreateTruncating(weights[i]);
            if (w == 0)
            {
                continue;
            }

            var slots = groupOf is not null && groupOf[i] >= 0 ? 2 : 1;
            for (var s = 0; s < slots; s++)
            {
                var b = s == 0 ? 0 : (groupOf![i] + 1) * stride;
                var e = error[i];
                var y = targets[i];
                sums[b + MetricSetLayout.Total] += w;
                sums[b + MetricSetLayout.AbsoluteError] += w * absolute[i];
                sums[b + MetricSetLayout.SquaredError] += w * e * e;
                sums[b + MetricSetLayout.Target] += w * y;
                sums[b + MetricSetLayout.SquaredTarget] += w * y * y;
                sums[b + MetricSetLayout.AbsolutePercentageError] += w * percentage[i];
            }
        }
    }

    private MetricValue Finalize<T>(int r, int slot, ReadOnlySpan<double> s, ReadOnlySpan<T> weights, PassMemo? memo)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var request = _requests[r];
        var total = s[MetricSetLayout.Total];
        if (total <= 0)
        {
            return MetricValue.Undefined(slot == 0 ? "no rows" : "empty group");
        }

        var kind = request.Kind;
        if (_model.Task == TaskKind.Regression)
        {
            return kind switch
            {
                MetricKind.Mae => MetricValue.Of(s[MetricSetLayout.AbsoluteError] / total),
                MetricKind.Mse => MetricValue.Of(s[MetricSetLayout.SquaredError] / total),
                MetricKind.Rmse => MetricValue.Of(Math.Sqrt(s[MetricSetLayout.SquaredError] / total)),
                MetricKind.Mape => MetricValue.Of(s[MetricSetLayout.AbsolutePercentageError] / total),
                MetricKind.R2 => RegressionFormulas.R2(total, s[MetricSetLayout.SquaredError], s[MetricSetLayout.Target], s[MetricSetLayout.SquaredTarget]),
                MetricKind.MedianAbsoluteError => MetricValue.Of(_passes[ScoredModel.AbsoluteErrorColumn][slot].Median(weights, i => _model.AbsoluteErrorRows![i])),
                MetricKind.MaxError => MetricValue.Of(_passes[ScoredModel.AbsoluteErrorColumn][slot].Max(weights, i => _model.AbsoluteErrorRows![i])),
                _ => throw new InvalidOperationException($"{request.Metric} is not a regression metric."),
            };
        }

        var binary = _model.Task == TaskKind.Binary;
        var confusion = _needConfusion ? s.Slice(_layout.Confusion, _k * _k) : default;
        switch (kind)
        {
            case MetricKind.LogLoss:
                return MetricValue.Of(s[_layout.LogLoss] / total);
            case MetricKind.Brier:
                return MetricValue.Of(s[_layout.Brier] / total);
            case MetricKind.TopK:
                var hits = 0.0;
                for (var rank = 0; rank < Math.Min(request.TopK, MetricSetLayout.TopKRanks); rank++)
                {
                    hits += s[_layout.TopK + rank];
                }

                return request.TopK >= _k ? MetricValue.Undefined($"top-{request.TopK} accuracy needs more than {request.TopK} classes") : MetricValue.Of(hits / total);
            case MetricKind.Ece:
            case MetricKind.EceAdaptive:
            case MetricKind.EcePositive:
            case MetricKind.ClasswiseEce:
                return MetricValue.Of(_binnings[_binningOf[r]].Ece(s, total));
            case MetricKind.Mce:
                return MetricValue.Of(_binnings[_binningOf[r]].Mce(s));
            case MetricKind.RocAuc:
            case MetricKind.RocAucWeighted:
                return binary ? BinaryAuc(slot, weights, memo) : OneVsRestAuc(slot, weights, kind == MetricKind.RocAucWeighted, memo);
            case MetricKind.AveragePrecision:
                return binary ? BinaryAveragePrecision(slot, weights, memo) : MacroAveragePrecision(slot, weights, memo);
            default:
                return ConfusionFormulas.Compute(kind, confusion, _k, binary);
        }
    }

    private MetricValue BinaryAuc<T>(int slot, ReadOnlySpan<T> weights, PassMemo? memo)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var (auc, positive, negative) = Auc(_passes[1][slot], weights, memo);
        return positive <= 0 ? MetricValue.Undefined("ROC AUC needs both classes; there are no positive rows")
            : negative <= 0 ? MetricValue.Undefined("ROC AUC needs both classes; there are no negative rows")
            : MetricValue.Of(auc);
    }

    private static (double Auc, double PositiveWeight, double NegativeWeight) Auc<T>(RankedPass pass, ReadOnlySpan<T> weights, PassMemo? memo)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        if (memo is not null && memo.TryGet(pass, out var known))
        {
            return known;
        }

        var result = pass.RocAuc(weights);
        memo?.Add(pass, result);
        return result;
    }

    private MetricValue OneVsRestAuc<T>(int slot, ReadOnlySpan<T> weights, bool prevalenceWeighted, PassMemo? memo)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        double sum = 0, weightSum = 0;
        for (var k = 0; k < _k; k++)
        {
            var (auc, positive, negative) = Auc(_passes[k][slot], weights, memo);
            if (positive <= 0 || negative <= 0)
            {
                return MetricValue.Undefined($"one-vs-rest ROC AUC needs every class present; class {k} has {(positive <= 0 ? "no rows" : "all rows")}");
            }

            var w = prevalenceWeighted ? positive : 1;
            sum += w * auc;
            weightSum += w;
        }

        return MetricValue.Of(sum / weightSum);
    }

    private MetricValue BinaryAveragePrecision<T>(int slot, ReadOnlySpan<T> weights, PassMemo? memo)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var (ap, positive) = AveragePrecision(_passes[1][slot], weights, memo);
        return positive <= 0 ? MetricValue.Undefined("average precision needs positive rows; there are none") : MetricValue.Of(ap);
    }

    private static (double AveragePrecision, double PositiveWeight) AveragePrecision<T>(RankedPass pass, ReadOnlySpan<T> weights, PassMemo? memo)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        if (memo is not null && memo.TryGetAveragePrecision(pass, out var known))
        {
            return known;
        }

        var result = pass.AveragePrecision(weights);
        memo?.AddAveragePrecision(pass, result);
        return result;
    }

    private MetricValue MacroAveragePrecision<T>(int slot, ReadOnlySpan<T> weights, PassMemo? memo)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var sum = 0.0;
        for (var k = 0; k < _k; k++)
        {
            var (ap, positive) = AveragePrecision(_passes[k][slot], weights, memo);
            if (positive <= 0)
            {
                return MetricValue.Undefined($"macro average precision needs every class present; class {k} has no rows");
            }

            sum += ap;
        }

        return MetricValue.Of(sum / _k);
    }

    private IEnumerable<int> ColumnsFor(MetricKind kind)
    {
        var binary = _model.Task == TaskKind.Binary;
        return kind switch
        {
            MetricKind.RocAuc or MetricKind.RocAucWeighted or MetricKind.AveragePrecision => binary ? [1] : Enumerable.Range(0, _k),
            MetricKind.MedianAbsoluteError or MetricKind.MaxError => [ScoredModel.AbsoluteErrorColumn],
            _ => [],
        };
    }

    private RankedPass[] BuildPasses(int column)
    {
        var passes = new RankedPass[Slots];
        passes[0] = _model.OverallPass(column);
        if (_groupOf is not null && _model.Task != TaskKind.Regression)
        {
            // Cut out of the pass over all rows: one pass over it, no sort, no per-row key comparisons.
            RankedPass.SplitByGroup(passes[0], _model.CanonicalRows, _groupOf, Slots - 1).CopyTo(passes, 1);
        }
        else if (_groupOf is not null)
        {
            var order = _model.OrderRows(column);
            var groupOf = _groupOf;
            var isPositive = _model.IsPositiveFor(column);
            Func<int, double> key = i => _model.OrderKey(column, i);
            var members = new List<int>[Slots - 1];
            for (var g = 0; g < members.Length; g++)
            {
                members[g] = [];
            }

            foreach (var i in order)
            {
                if (groupOf[i] >= 0)
                {
                    members[groupOf[i]].Add(i);
                }
            }

            for (var g = 0; g < members.Length; g++)
            {
                passes[g + 1] = new RankedPass([.. members[g]], _model.PositionOf, key, isPositive);
            }
        }

        return passes;
    }
}

/// <summary>
/// Results of ranked passes already computed in the current resample: every slice's metric set of one model shares the
/// pass over all rows, which then runs once per resample instead of once per set. One per worker; cleared per resample.
/// </summary>
internal sealed class PassMemo
{
    private readonly Dictionary<object, (double, double, double)> _results = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, (double, double)> _averagePrecision = new(ReferenceEqualityComparer.Instance);

    /// <summary>Forgets every result (call when the weights change).</summary>
    public void Clear()
    {
        _results.Clear();
        _averagePrecision.Clear();
    }

    internal bool TryGetAveragePrecision(RankedPass pass, out (double AveragePrecision, double PositiveWeight) result) => _averagePrecision.TryGetValue(pass, out result);

    internal void AddAveragePrecision(RankedPass pass, (double AveragePrecision, double PositiveWeight) result) => _averagePrecision[pass] = result;

    internal bool TryGet(RankedPass pass, out (double Auc, double PositiveWeight, double NegativeWeight) result) => _results.TryGetValue(pass, out result);

    internal void Add(RankedPass pass, (double Auc, double PositiveWeight, double NegativeWeight) result) => _results[pass] = result;
}
