using ModelGate.Core.Results;

namespace ModelGate.Core.Metrics;

/// <summary>Reliability diagrams: the per-bin counts behind the calibration charts.</summary>
internal static class Calibration
{
    /// <summary>
    /// Top-label reliability bins: rows binned by confidence (equal-width on [0,1] or equal-mass), with count, mean
    /// confidence and observed accuracy per non-empty bin. Binary with <paramref name="positiveClass"/> bins P(positive) vs the label instead.
    /// </summary>
    public static IReadOnlyList<ReliabilityBin> ReliabilityBins(ScoredModel model, int bins = 15, Plan.Binning binning = Plan.Binning.EqualWidth, bool positiveClass = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var mass = binning == Plan.Binning.EqualMass ? model.EqualMassBinRows(bins) : null;
        var count = new int[bins];
        var confidence = new double[bins];
        var observed = new double[bins];
        var low = Enumerable.Repeat(double.PositiveInfinity, bins).ToArray();
        var high = Enumerable.Repeat(double.NegativeInfinity, bins).ToArray();
        for (var i = 0; i < model.RowCount; i++)
        {
            var value = positiveClass ? model.Probability(i, 1) : model.ConfidenceRows[i];
            var outcome = positiveClass ? (model.LabelsRows![i] == 1 ? 1.0 : 0.0) : model.TopLabelCorrectRows[i];
            var b = mass?[i] ?? Binning.EqualWidthBin(value, bins);
            count[b]++;
            confidence[b] += value;
            observed[b] += outcome;
            low[b] = Math.Min(low[b], value);
            high[b] = Math.Max(high[b], value);
        }

        var result = new List<ReliabilityBin>();
        for (var b = 0; b < bins; b++)
        {
            if (count[b] == 0)
            {
                continue;
            }

            var (lower, upper) = mass is null ? ((double)b / bins, (double)(b + 1) / bins) : (low[b], high[b]);
            result.Add(new ReliabilityBin(lower, upper, count[b], confidence[b] / count[b], observed[b] / count[b]));
        }

        return result;
    }
}
