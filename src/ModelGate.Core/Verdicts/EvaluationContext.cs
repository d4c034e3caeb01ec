using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Statistics;

namespace ModelGate.Core.Verdicts;

/// <summary>Which model a value belongs to.</summary>
internal enum ModelRole
{
    Candidate,
    Baseline,
    Train,
}

/// <summary>
/// The prepared run: scored models, every metric any check or report needs (overall, per slice, per safety set),
/// their point values and one shared paired bootstrap. Checks declare needs first, then read values.
/// </summary>
internal sealed partial class EvaluationContext
{
    /// <summary>The scope of the whole holdout.</summary>
    public const string Overall = "";

    // Train resamples come from their own stream: the train sample is independent of the holdout.
    private const ulong TrainStream = 0x5452_4149_4E5F_5331UL;

    private readonly Dictionary<string, Scope> _scopes = new(StringComparer.Ordinal);
    private readonly List<MetricRequest> _trainRequests = [];
    private BootstrapReplicates? _replicates;
    private BootstrapReplicates? _cellReplicates;
    private BootstrapReplicates? _binReplicates;
    private BootstrapReplicates? _trainReplicates;
    private MetricSet? _trainSet;
    private MetricValue[] _trainPoint = [];

    public EvaluationContext(GatePlan plan, EvaluationData data)
    {
        Plan = plan;
        Data = data;
        Candidate = Score(data.Task, data.ClassLabels, data.Targets, data.Candidate, plan.DecisionThreshold);
        Baseline = data.Baseline is null ? null : Score(data.Task, data.ClassLabels, data.Targets, data.Baseline, plan.DecisionThreshold);
        if (data.Train is { } train)
        {
            TrainModel = Score(data.Task, train.ClassLabels, train.Targets, train.Candidate, plan.DecisionThreshold);
        }

        PointWeights = data.Weights ?? Metric.Ones(data.RowCount);
        _scopes[Overall] = new Scope(Overall, null);
    }

    public GatePlan Plan { get; }

    public EvaluationData Data { get; }

    public StatisticsOptions Statistics => Plan.Statistics;

    public ScoredModel Candidate { get; }

    public ScoredModel? Baseline { get; }

    public ScoredModel? TrainModel { get; }

    public double[] PointWeights { get; }

    public int Rows => Data.RowCount;

    /// <summary>
    /// Declares a metric needed in a scope (the overall holdout, or the groups of a slice column).
    /// <paramref name="replicates"/>: whether a check reads its bootstrap replicates directly (a gap, a disparity), so
    /// an analytic interval cannot stand in for them.
    /// </summary>
    public void Need(string scope, SliceColumn? column, MetricRequest request, bool replicates = false)
    {
        if (_replicates is not null)
        {
            throw new InvalidOperationException("Needs must be declared before Run.");
        }

        if (!_scopes.TryGetValue(scope, out var s))
        {
            s = new Scope(scope, column);
            _scopes[scope] = s;
        }

        if (!s.Requests.Contains(request))
        {
            s.Requests.Add(request);
        }

        if (replicates)
        {
            s.ReplicatesRead.Add(request);
        }
    }

    /// <summary>Declares a metric needed on the train sample.</summary>
    public void NeedTrain(MetricRequest request)
    {
        if (!_trainRequests.Contains(request))
        {
            _trainRequests.Add(request);
        }
    }

    /// <summary>Computes every point value and runs the paired bootstrap; <paramref name="times"/>, if given, gets each step's wall time.</summary>
    public void Run(PhaseTimes? times = null)
    {
        // Confusion-count metrics go to the cell-count bootstrap (same law, one draw per cell) unless the policy asks
        // for the row-level bootstrap everywhere; with row weights a cell's resampled weight is no longer Poisson.
        var cells = Statistics.Method != StatisticsMethod.Bootstrap && Data.Weights is null && Data.Task != TaskKind.Regression;
        var scopes = _scopes.Values.Where(s => s.Requests.Count > 0).ToList();
        ComputeAnalytic(scopes);
        times?.Mark("analytic intervals");
        foreach (var scope in scopes)
        {
            scope.Split(cells, cells && Binned(scope), request => AnalyticEverywhere(scope, request));
        }

        // Each (scope, path, model) set is built (group orders, ranked passes) and given its point values independently:
        // in parallel, then listed in a fixed order, so the bootstrap sees the same sets whatever the thread count.
        var models = Baseline is null ? new[] { Candidate } : [Candidate, Baseline];
        var jobs = scopes.SelectMany(s => s.Parts.Where(p => p.Requests.Count > 0).SelectMany(p => models.Select((m, r) => (Part: p, Model: m, Role: r)))).ToList();
        var built = new (MetricSet Set, MetricValue[] Point)[jobs.Count];
        Parallel.For(
            0,
            built.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            i =>
            {
                var (part, model, _) = jobs[i];
                var set = new MetricSet(model, part.Requests, part.Column);
                built[i] = (set, PointOf(set, PointWeights));
            });
        times?.Mark("metric sets and point values");
        var rowSets = new List<MetricSet>();
        var cellSets = new List<MetricSet>();
        var binSets = new List<MetricSet>();
        var binTables = new List<int>();
        var parts = jobs.Select(j => j.Part).Distinct().ToList();
        var pointSets = new List<MetricSet>();
        for (var i = 0; i < jobs.Count; i++)
        {
            var (part, _, role) = jobs[i];
            var list = part.Path switch { ResamplePath.Cells => cellSets, ResamplePath.Bins => binSets, ResamplePath.None => pointSets, _ => rowSets };
            part.Sets[role] = list.Count;
            part.Points[role] = built[i].Point;
            list.Add(built[i].Set);
            if (part.Path == ResamplePath.Bins)
            {
                // One table per part: its candidate and baseline sets are resampled jointly (paired).
                binTables.Add(parts.IndexOf(part));
            }
        }

        var resamples = Math.Max(0, Statistics.Resamples);
        _replicates = PairedBootstrap.Run(rowSets, resamples, Statistics.Seed, Data.Weights);
        times?.Mark($"row-level bootstrap ({rowSets.Count} sets)");
        _cellReplicates = CellCountBootstrap.Run(cellSets, resamples, Statistics.Seed);
        times?.Mark($"cell-count bootstrap ({cellSets.Count} sets)");
        _binReplicates = BinnedBootstrap.Run(binSets, resamples, Statistics.Seed, binTables);
        times?.Mark($"binned bootstrap ({binSets.Count} sets)");
        if (TrainModel is not null && _trainRequests.Count > 0)
        {
            _trainSet = new MetricSet(TrainModel, _trainRequests);
            _trainPoint = PointOf(_trainSet, Metric.Ones(TrainModel.RowCount));
            _trainReplicates = PairedBootstrap.Run([_trainSet], resamples, Statistics.Seed ^ TrainStream);
            times?.Mark("train bootstrap");
        }
    }

    public bool HasReplicates => _replicates is { Resamples: >= 2 };

    /// <summary>Whether <paramref name="request"/> in <paramref name="scope"/> was resampled (not analytic on every slot).</summary>
    public bool HasReplicatesFor(string scope, MetricRequest request) =>
        HasReplicates && _scopes[scope].Locate(request, 0).Part.Path != ResamplePath.None;

    public MetricValue Point(ModelRole role, string scope, MetricRequest request, int slot = 0)
    {
        if (role == ModelRole.Train)
        {
            return _trainPoint[_trainRequests.IndexOf(request)];
        }

        var (part, index) = _scopes[scope].Locate(request, slot);
        return part.Points[role == ModelRole.Candidate ? 0 : 1][index];
    }

    public ReadOnlySpan<double> Replicates(ModelRole role, string scope, MetricRequest request, int slot = 0)
    {
        if (role == ModelRole.Train)
        {
            return _trainReplicates!.Of(0, _trainRequests.IndexOf(request));
        }

        var (part, index) = _scopes[scope].Locate(request, slot);
        return part.Path switch
        {
            ResamplePath.Cells => _cellReplicates!.Of(part.Sets[role == ModelRole.Candidate ? 0 : 1], index),
            ResamplePath.Bins => _binReplicates!.Of(part.Sets[role == ModelRole.Candidate ? 0 : 1], index),
            ResamplePath.Rows => _replicates!.Of(part.Sets[role == ModelRole.Candidate ? 0 : 1], index),
            _ => throw new InvalidOperationException($"Metric {request.Metric} in scope '{scope}' has analytic intervals only; declare it with replicates: true."),
        };
    }

    /// <summary>Point value with its percentile bootstrap interval.</summary>
    public Estimate Estimate(ModelRole role, string scope, MetricRequest request, int slot = 0)
    {
        var point = Point(role, scope, request, slot);
        if (!point.IsDefined)
        {
            return point.ToEstimate();
        }

        if (role != ModelRole.Train && AnalyticError(role, scope, request, slot) is { } analytic)
        {
            var z = AnalyticIntervals.Z(Statistics.Confidence);
            return point.ToEstimate(new Interval(point.Value - (z * analytic.Error), point.Value + (z * analytic.Error), Statistics.Confidence)) with { Method = analytic.Method };
        }

        return HasReplicates
            ? point.ToEstimate(Percentile.Interval(Replicates(role, scope, request, slot), Statistics.Confidence)) with { Method = BootstrapNameFor(scope, request) }
            : point.ToEstimate();
    }

    /// <summary>Candidate minus baseline with the paired percentile interval and the bootstrap two-sided p-value.</summary>
    public (Estimate Delta, double? PValue) Delta(string scope, MetricRequest request, int slot = 0)
    {
        var c = Point(ModelRole.Candidate, scope, request, slot);
        var b = Point(ModelRole.Baseline, scope, request, slot);
        if (!c.IsDefined || !b.IsDefined)
        {
            return (Core.Estimate.Undefined(c.UndefinedReason ?? b.UndefinedReason!), null);
        }

        var delta = c.Value - b.Value;
        if (AnalyticError(null, scope, request, slot) is { } analytic)
        {
            var z = AnalyticIntervals.Z(Statistics.Confidence);
            var se = analytic.Error;
            var p = se > 0 ? 2 * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, Math.Abs(delta) / se)) : (delta == 0 ? 1 : 0);
            return (Core.Estimate.Of(delta, new Interval(delta - (z * se), delta + (z * se), Statistics.Confidence)) with { Method = analytic.Method }, p);
        }

        if (!HasReplicates)
        {
            return (Core.Estimate.Of(delta), null);
        }

        var deltas = DeltaReplicates(scope, request, slot);
        return (Core.Estimate.Of(delta, Percentile.Interval(deltas, Statistics.Confidence)) with { Method = BootstrapNameFor(scope, request) }, BootstrapPValue(deltas, 0));
    }

    /// <summary>Per-resample candidate minus baseline (NaN where either is undefined).</summary>
    public double[] DeltaReplicates(string scope, MetricRequest request, int slot = 0)
    {
        var c = Replicates(ModelRole.Candidate, scope, request, slot);
        var b = Replicates(ModelRole.Baseline, scope, request, slot);
        var d = new double[c.Length];
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = c[i] - b[i];
        }

        return d;
    }

    /// <summary>
    /// Two-sided percentile-bootstrap p-value of "delta = <paramref name="nullValue"/>":
    /// 2 × the smaller share of replicates on either side (ties count on both), capped at 1.
    /// </summary>
    public static double? BootstrapPValue(ReadOnlySpan<double> deltas, double nullValue)
    {
        int below = 0, above = 0, defined = 0;
        foreach (var d in deltas)
        {
            if (double.IsNaN(d))
            {
                continue;
            }

            defined++;
            below += d <= nullValue ? 1 : 0;
            above += d >= nullValue ? 1 : 0;
        }

        return defined == 0 ? null : Math.Min(1, 2.0 * Math.Min(below, above) / defined);
    }

    private static MetricValue[] PointOf(MetricSet set, double[] weights)
    {
        var values = new MetricValue[set.OutputCount];
        set.Evaluate(weights, values);
        return values;
    }

    private static ScoredModel Score(TaskKind task, int[]? labels, double[]? targets, Predictions predictions, double threshold) =>
        task == TaskKind.Regression
            ? new ScoredModel(targets ?? throw new ArgumentException("Regression data needs targets."), predictions)
            : new ScoredModel(task, labels ?? throw new ArgumentException("Classification data needs class labels."), predictions, threshold);

    private sealed class Scope(string name, SliceColumn? column)
    {
        public string Name { get; } = name;

        public SliceColumn? Column { get; } = column;

        public List<MetricRequest> Requests { get; } = [];

        /// <summary>Requests whose replicates a check reads directly: never left to analytic intervals alone.</summary>
        public HashSet<MetricRequest> ReplicatesRead { get; } = [];

        /// <summary>Rows per slot (overall, then each group).</summary>
        public int[] SlotRows { get; set; } = [];

        /// <summary>The requests by resampling path: row-level, cell-count, none (any may be empty).</summary>
        public Part[] Parts { get; private set; } = [];

        public void Split(bool cells, bool bins, Func<MetricRequest, bool> analyticOnly)
        {
            var none = Requests.Where(r => !ReplicatesRead.Contains(r) && analyticOnly(r)).ToList();
            var byCells = cells ? Requests.Except(none).Where(r => MetricSet.IsConfusionKind(r.Kind)).ToList() : [];
            var byBins = bins ? Requests.Except(none).Where(r => MetricSet.IsBinnedKind(r.Kind)).ToList() : [];
            if (!MetricSet.BinsSuffice(byBins))
            {
                byBins = [];
            }

            Parts =
            [
                new Part(Column, [.. Requests.Except(none).Except(byCells).Except(byBins)], ResamplePath.Rows),
                new Part(Column, byCells, ResamplePath.Cells),
                new Part(Column, byBins, ResamplePath.Bins),
                new Part(Column, none, ResamplePath.None),
            ];
        }

        /// <summary>The part that holds <paramref name="request"/> and its output index there.</summary>
        public (Part Part, int Index) Locate(MetricRequest request, int slot)
        {
            foreach (var part in Parts)
            {
                var r = part.Requests.IndexOf(request);
                if (r >= 0)
                {
                    return (part, (slot * part.Requests.Count) + r);
                }
            }

            throw new InvalidOperationException($"Metric {request.Metric} was not declared in scope '{Name}'.");
        }
    }

    /// <summary>Some of a scope's requests, resampled one way; per role (candidate, baseline) its set and point values.</summary>
    private sealed class Part(SliceColumn? column, List<MetricRequest> requests, ResamplePath path)
    {
        public SliceColumn? Column { get; } = column;

        public List<MetricRequest> Requests { get; } = requests;

        public ResamplePath Path { get; } = path;

        public int[] Sets { get; } = [-1, -1];

        public MetricValue[][] Points { get; } = [[], []];
    }
}

/// <summary>How a request's replicates are drawn: per row, per joint-table cell, per calibration cell, or not at all (analytic intervals only).</summary>
internal enum ResamplePath
{
    Rows,
    Cells,
    Bins,
    None,
}
