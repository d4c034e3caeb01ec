using MathNet.Numerics.Distributions;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;

namespace ModelGate.Core.Statistics;

/// <summary>Which analytic interval a metric has (<see cref="AnalyticIntervals"/>).</summary>
internal enum AnalyticFamily
{
    /// <summary>No adequate analytic interval: the bootstrap (ECE, MCE, average precision, medians, max error, R², multiclass AUC).</summary>
    None,

    /// <summary>A mean of per-row terms (accuracy, top-k, log loss, Brier, MAE, MSE, MAPE) or a smooth function of one (RMSE).</summary>
    PerRow,

    /// <summary>Binary ROC AUC: DeLong's variance.</summary>
    DeLong,

    /// <summary>A smooth ratio of confusion counts (precision, recall, F1, MCC, ...): the delta method on the joint table.</summary>
    DeltaMethod,
}

/// <summary>
/// Standard errors of a metric, its baseline and their paired difference, per slot, from one pass over the rows:
/// <list type="bullet">
/// <item>per-row means: the sample variance of the per-row terms (n − 1 denominator) over n; the delta from the paired
/// per-row differences; RMSE through √: its influence term is the squared error over 2·RMSE;</item>
/// <item>binary ROC AUC: DeLong's structural components (variance of each AUC and of their difference);</item>
/// <item>confusion ratios: the delta method under the Poisson model of the joint table group × label × candidate
/// decision × baseline decision (the law the cell-count bootstrap draws from): Var f ≈ Σ_j (∂f/∂N_j)² N_j, the
/// gradient by central differences of ±½ row, times n/(n − 1) (the same finite-sample factor as the per-row means:
/// with it, accuracy's variance equals the per-row one exactly).</item>
/// </list>
/// Unweighted rows only. Intervals are normal: point ± z·SE.
/// </summary>
internal static class AnalyticIntervals
{
    /// <summary>
    /// Rows per slot from which <c>method: auto</c> uses analytic intervals (the coverage study in docs/statistics.md:
    /// at 10,000 rows every family covers within Monte Carlo error of the bootstrap).
    /// </summary>
    public const int AutoMinRows = 10_000;

    // The delta method evaluates the metric twice per cell; beyond this many cells the bootstrap is kept.
    private const int MaxCells = 4096;

    /// <summary>The analytic family of <paramref name="kind"/> on <paramref name="task"/>.</summary>
    public static AnalyticFamily FamilyOf(MetricKind kind, TaskKind task) => kind switch
    {
        MetricKind.Accuracy or MetricKind.F1Micro or MetricKind.TopK or MetricKind.LogLoss or MetricKind.Brier
            or MetricKind.Mae or MetricKind.Mse or MetricKind.Mape or MetricKind.Rmse => AnalyticFamily.PerRow,
        MetricKind.RocAuc when task == TaskKind.Binary => AnalyticFamily.DeLong,
        _ when task != TaskKind.Regression && MetricSet.IsConfusionKind(kind) => AnalyticFamily.DeltaMethod,
        _ => AnalyticFamily.None,
    };

    /// <summary>What a report says for an interval of <paramref name="family"/>.</summary>
    public static string MethodName(AnalyticFamily family, bool delta) => family switch
    {
        AnalyticFamily.PerRow => delta ? "normal interval of paired per-row differences" : "normal interval of per-row terms",
        AnalyticFamily.DeLong => "DeLong",
        AnalyticFamily.DeltaMethod => "delta method on the confusion counts",
        _ => throw new ArgumentOutOfRangeException(nameof(family)),
    };

    /// <summary>The two-sided normal quantile z for <paramref name="confidence"/>.</summary>
    public static double Z(double confidence) => Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));

    /// <summary>
    /// Standard errors per slot (overall, then each group of <paramref name="slice"/>) of the candidate, the baseline
    /// (NaN without one) and the paired delta; NaN where the family has none on that slot. Null when the metric has no
    /// analytic family here.
    /// </summary>
    /// <param name="candidate">The candidate's scored rows.</param>
    /// <param name="baseline">The baseline's, if any.</param>
    /// <param name="slice">The slice whose groups follow the overall slot, if any.</param>
    /// <param name="request">The metric.</param>
    /// <param name="overall">The same metric's errors over the whole holdout, when known: slot 0 is then copied, not recomputed.</param>
    public static SlotErrors? Compute(ScoredModel candidate, ScoredModel? baseline, SliceColumn? slice, MetricRequest request, SlotErrors? overall = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(request);
        var family = FamilyOf(request.Kind, candidate.Task);
        return family switch
        {
            AnalyticFamily.PerRow => PerRow(candidate, baseline, slice, request),
            AnalyticFamily.DeLong => ByDeLong(candidate, baseline, slice, overall),
            AnalyticFamily.DeltaMethod => ByDeltaMethod(candidate, baseline, slice, request),
            _ => null,
        };
    }

    private static SlotErrors PerRow(ScoredModel candidate, ScoredModel? baseline, SliceColumn? slice, MetricRequest request)
    {
        var slots = 1 + (slice?.GroupNames.Count ?? 0);
        var groupOf = slice?.GroupOf;
        var c = Term(candidate, request);
        var b = baseline is null ? null : Term(baseline, request);
        var n = new double[slots];
        var sumC = new double[slots];
        var sumB = new double[slots];
        // A row counts in the overall slot and in its group's slot, if any.
        void EachSlot(Action<int, int> add)
        {
            for (var i = 0; i < candidate.RowCount; i++)
            {
                add(0, i);
                if (groupOf is not null && groupOf[i] >= 0)
                {
                    add(groupOf[i] + 1, i);
                }
            }
        }

        EachSlot((slot, i) =>
        {
            n[slot]++;
            sumC[slot] += c(i);
            sumB[slot] += b is null ? 0 : b(i);
        });

        // RMSE = √MSE: the influence of a row is its squared error over 2·RMSE (the delta method through √).
        var root = request.Kind == MetricKind.Rmse;
        var scaleC = new double[slots];
        var scaleB = new double[slots];
        for (var slot = 0; slot < slots; slot++)
        {
            scaleC[slot] = root ? 0.5 / Math.Sqrt(sumC[slot] / n[slot]) : 1;
            scaleB[slot] = root ? 0.5 / Math.Sqrt(sumB[slot] / n[slot]) : 1;
        }

        var ssC = new double[slots];
        var ssB = new double[slots];
        var ssD = new double[slots];
        EachSlot((slot, i) =>
        {
            var dc = scaleC[slot] * (c(i) - (sumC[slot] / n[slot]));
            var db = b is null ? 0 : scaleB[slot] * (b(i) - (sumB[slot] / n[slot]));
            ssC[slot] += dc * dc;
            ssB[slot] += db * db;
            ssD[slot] += (dc - db) * (dc - db);
        });

        var errors = new SlotErrors(AnalyticFamily.PerRow, slots);
        for (var slot = 0; slot < slots; slot++)
        {
            if (n[slot] < 2)
            {
                continue;
            }

            var denominator = n[slot] * (n[slot] - 1);
            errors.Candidate[slot] = Math.Sqrt(ssC[slot] / denominator);
            errors.Baseline[slot] = b is null ? double.NaN : Math.Sqrt(ssB[slot] / denominator);
            errors.Delta[slot] = b is null ? double.NaN : Math.Sqrt(ssD[slot] / denominator);
        }

        return errors;
    }

    private static Func<int, double> Term(ScoredModel model, MetricRequest request) => request.Kind switch
    {
        MetricKind.Accuracy or MetricKind.F1Micro => i => model.PredictedRows[i] == model.LabelsRows![i] ? 1 : 0,
        MetricKind.TopK => i => model.TrueRankRows[i] < request.TopK ? 1 : 0,
        MetricKind.LogLoss => i => model.LogLossRows[i],
        MetricKind.Brier => i => model.BrierRows[i],
        MetricKind.Mae => i => model.AbsoluteErrorRows![i],
        MetricKind.Mse or MetricKind.Rmse => i => model.ErrorRows![i] * model.ErrorRows[i],
        MetricKind.Mape => i => model.AbsolutePercentageErrorRows![i],
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.Metric, "not a per-row metric"),
    };

    private static SlotErrors ByDeLong(ScoredModel candidate, ScoredModel? baseline, SliceColumn? slice, SlotErrors? overall)
    {
        var slots = 1 + (slice?.GroupNames.Count ?? 0);
        var errors = new SlotErrors(AnalyticFamily.DeLong, slots);

        // The overall slot of every slice repeats the whole holdout: copied when known. Every other slot comes from one
        // walk of each model's shared sorted order (no per-group sort or copy).
        if (overall is not null)
        {
            (errors.Candidate[0], errors.Baseline[0], errors.Delta[0]) = (overall.Candidate[0], overall.Baseline[0], overall.Delta[0]);
        }

        var (varC, varB, varD) = DeLong.PairedBySlot(candidate, baseline, slice?.GroupOf, slots - 1, overall is null);
        for (var slot = overall is null ? 0 : 1; slot < slots; slot++)
        {
            errors.Candidate[slot] = Math.Sqrt(varC[slot]);
            errors.Baseline[slot] = Math.Sqrt(varB[slot]);
            errors.Delta[slot] = Math.Sqrt(varD[slot]);
        }

        return errors;
    }

    private static SlotErrors? ByDeltaMethod(ScoredModel candidate, ScoredModel? baseline, SliceColumn? slice, MetricRequest request)
    {
        var table = new JointTable(slice?.GroupOf);
        table.AddModel(candidate);
        if (baseline is not null)
        {
            table.AddModel(baseline);
        }

        table.Build();
        if (table.Cells > MaxCells)
        {
            return null;
        }

        var sets = baseline is null
            ? new[] { new MetricSet(candidate, [request], slice) }
            : [new MetricSet(candidate, [request], slice), new MetricSet(baseline, [request], slice)];
        var slots = sets[0].Slots;
        var counts = table.Rows.ToArray();
        var plus = new double[sets.Length][];
        var minus = new double[sets.Length][];
        for (var m = 0; m < sets.Length; m++)
        {
            plus[m] = new double[slots];
            minus[m] = new double[slots];
        }

        var varC = new double[slots];
        var varB = new double[slots];
        var varD = new double[slots];
        for (var j = 0; j < counts.Length; j++)
        {
            var rows = counts[j];
            counts[j] = rows + 0.5;
            for (var m = 0; m < sets.Length; m++)
            {
                sets[m].EvaluateCells(table.GroupOfCell, table.ConfusionOfCell(m), counts, plus[m]);
            }

            counts[j] = rows - 0.5;
            for (var m = 0; m < sets.Length; m++)
            {
                sets[m].EvaluateCells(table.GroupOfCell, table.ConfusionOfCell(m), counts, minus[m]);
            }

            counts[j] = rows;
            for (var slot = 0; slot < slots; slot++)
            {
                var gc = plus[0][slot] - minus[0][slot];
                var gb = sets.Length > 1 ? plus[1][slot] - minus[1][slot] : 0;

                // An undefined neighbour (a ratio whose denominator is one row) leaves the slot without an interval.
                varC[slot] += gc * gc * rows;
                varB[slot] += gb * gb * rows;
                varD[slot] += (gc - gb) * (gc - gb) * rows;
            }
        }

        var total = new double[slots];
        var groupOfCell = table.GroupOfCell;
        for (var j = 0; j < counts.Length; j++)
        {
            total[0] += counts[j];
            if (groupOfCell[j] >= 0 && slice is not null)
            {
                total[groupOfCell[j] + 1] += counts[j];
            }
        }

        var errors = new SlotErrors(AnalyticFamily.DeltaMethod, slots);
        for (var slot = 0; slot < slots; slot++)
        {
            if (total[slot] < 2)
            {
                continue;
            }

            var correction = total[slot] / (total[slot] - 1);
            errors.Candidate[slot] = Math.Sqrt(varC[slot] * correction);
            errors.Baseline[slot] = baseline is null ? double.NaN : Math.Sqrt(varB[slot] * correction);
            errors.Delta[slot] = baseline is null ? double.NaN : Math.Sqrt(varD[slot] * correction);
        }

        return errors;
    }
}

/// <summary>Standard errors per slot of one metric: candidate, baseline and their paired delta (NaN: none).</summary>
internal sealed class SlotErrors
{
    public SlotErrors(AnalyticFamily family, int slots)
    {
        Family = family;
        Candidate = Filled(slots);
        Baseline = Filled(slots);
        Delta = Filled(slots);
    }

    /// <summary>The family the errors come from.</summary>
    public AnalyticFamily Family { get; }

    /// <summary>The candidate's standard error per slot.</summary>
    public double[] Candidate { get; }

    /// <summary>The baseline's standard error per slot.</summary>
    public double[] Baseline { get; }

    /// <summary>The standard error of candidate − baseline per slot.</summary>
    public double[] Delta { get; }

    private static double[] Filled(int slots)
    {
        var values = new double[slots];
        Array.Fill(values, double.NaN);
        return values;
    }
}
