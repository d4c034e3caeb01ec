namespace ModelGate.Core.Metrics;

/// <summary>
/// The cell-count path: a metric that is a function of the confusion matrix (per group) only needs, per resample, how
/// many resampled rows fall in each cell of the joint table group × label × each model's decision. Under the Poisson
/// bootstrap that number is exactly Poisson(rows in the cell), independent across cells (see
/// <see cref="Statistics.CellCountBootstrap"/>), so the set is evaluated from one count per occupied cell.
/// </summary>
internal sealed partial class MetricSet
{
    /// <summary>Whether <paramref name="kind"/> reads only the slot's total and its confusion matrix.</summary>
    public static bool IsConfusionKind(MetricKind kind) =>
        kind is MetricKind.Accuracy or MetricKind.BalancedAccuracy or MetricKind.Precision or MetricKind.Recall
            or MetricKind.Specificity or MetricKind.FalsePositiveRate or MetricKind.FalseNegativeRate or MetricKind.F1
            or MetricKind.F1Macro or MetricKind.F1Micro or MetricKind.F1Weighted or MetricKind.Mcc or MetricKind.SelectionRate;

    /// <summary>Whether every metric of the set is a function of per-group confusion counts (classification).</summary>
    public bool CountsSuffice => _model.Task != TaskKind.Regression && _requests.All(r => IsConfusionKind(r.Kind));

    /// <summary>The slice's group of each row (-1: in no group), or null for the overall holdout only.</summary>
    internal int[]? GroupOf => _groupOf;

    /// <summary>
    /// Evaluates the set (NaN for undefined) from weighted cells instead of rows: cell j holds the rows of group
    /// <paramref name="groupOfCell"/>[j] (-1: none) whose confusion cell is <paramref name="confusionOfCell"/>[j], with
    /// total weight <paramref name="counts"/>[j]. Sums land exactly where the row pass puts them, so the same counts give
    /// the same values.
    /// </summary>
    public void EvaluateCells(ReadOnlySpan<int> groupOfCell, ReadOnlySpan<int> confusionOfCell, ReadOnlySpan<double> counts, Span<double> output)
    {
        if (!CountsSuffice)
        {
            throw new InvalidOperationException("This metric set needs more than confusion counts.");
        }

        var stride = _stride;
        var sums = new double[(Slots + 1) * stride];
        var noGroup = Slots * stride;
        for (var j = 0; j < counts.Length; j++)
        {
            var b = _groupOf is null ? 0 : (groupOfCell[j] >= 0 ? (groupOfCell[j] + 1) * stride : noGroup);
            sums[b] += counts[j];
            sums[b + _layout.Confusion + confusionOfCell[j]] += counts[j];
        }

        EvaluateSums(sums, output);
    }

    /// <summary>
    /// Finishes a resample from its sums laid out as the row pass leaves them (<see cref="Slots"/> + 1 slots of
    /// <see cref="Stride"/>: the overall slot, each group, rows in no group; groups not yet added into the overall slot).
    /// </summary>
    internal void EvaluateSums(double[] sums, Span<double> output)
    {
        var stride = _stride;
        if (_groupOf is not null)
        {
            for (var slot = 1; slot <= Slots; slot++)
            {
                for (var j = 0; j < stride; j++)
                {
                    sums[j] += sums[(slot * stride) + j];
                }
            }
        }

        for (var slot = 0; slot < Slots; slot++)
        {
            var slotSums = sums.AsSpan(slot * stride, stride);
            for (var r = 0; r < _requests.Length; r++)
            {
                output[(slot * _requests.Length) + r] = Finalize<double>(r, slot, slotSums, [], null).Value;
            }
        }
    }
}
