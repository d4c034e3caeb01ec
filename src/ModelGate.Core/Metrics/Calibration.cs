using ModelGate.Core.Results;

namespace ModelGate.Core.Metrics;

/// <summary>Murphy's (1973) decomposition of the Brier score: Brier ≈ reliability - resolution + uncertainty.</summary>
/// <param name="Reliability">Σ_k n_k (mean forecast_k - observed_k)² / N: lower is better calibrated.</param>
/// <param name="Resolution">Σ_k n_k (observed_k - observed)² / N: higher separates better.</param>
/// <param name="Uncertainty">observed (1 - observed): the base rate's variance.</param>
public sealed record BrierDecomposition(double Reliability, double Resolution, double Uncertainty);

/// <summary>Reliability diagrams and the Brier decomposition.</summary>
public static class Calibration
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

    /// <summary>Murphy's decomposition for binary P(positive), forecasts grouped into equal-width bins.</summary>
    public static BrierDecomposition Decompose(ReadOnlySpan<int> labels, ReadOnlySpan<double> positiveProbability, int bins = 15)
    {
        if (labels.Length != positiveProbability.Length || labels.IsEmpty)
        {
            throw new ArgumentException("Need the same, non-zero number of labels and probabilities.", nameof(positiveProbability));
        }

        var n = labels.Length;
        var count = new double[bins];
        var forecast = new double[bins];
        var outcome = new double[bins];
        var baseRate = 0.0;
        for (var i = 0; i < n; i++)
        {
            var b = Binning.EqualWidthBin(positiveProbability[i], bins);
            count[b]++;
            forecast[b] += positiveProbability[i];
            outcome[b] += labels[i];
            baseRate += labels[i];
        }

        baseRate /= n;
        double reliability = 0, resolution = 0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] == 0)
            {
                continue;
            }

            var f = forecast[b] / count[b];
            var o = outcome[b] / count[b];
            reliability += count[b] * (f - o) * (f - o);
            resolution += count[b] * (o - baseRate) * (o - baseRate);
        }

        return new BrierDecomposition(reliability / n, resolution / n, baseRate * (1 - baseRate));
    }
}
