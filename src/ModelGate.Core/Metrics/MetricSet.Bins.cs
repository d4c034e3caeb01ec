namespace ModelGate.Core.Metrics;

/// <summary>
/// The binned path: ECE and MCE read, per slot, only the total weight and each calibration bin's Σ w, Σ w × value and
/// Σ w × outcome (<see cref="Binning"/>), so a resample can be given as those sums instead of as row weights
/// (<see cref="Statistics.BinnedBootstrap"/>).
/// </summary>
internal sealed partial class MetricSet
{
    /// <summary>Largest bin count the binned path takes (its cell key packs a bin index and the outcome in 12 bits).</summary>
    public const int MaxBinnedBins = 2048;

    /// <summary>Most binnings one set may hold on the binned path (two models × two binnings fill the cell key).</summary>
    public const int MaxBinnedBinnings = 2;

    /// <summary>Whether <paramref name="kind"/> reads only the slot's total and one single-column binning's sums.</summary>
    public static bool IsBinnedKind(MetricKind kind) =>
        kind is MetricKind.Ece or MetricKind.EceAdaptive or MetricKind.EcePositive or MetricKind.Mce;

    /// <summary>Whether <paramref name="requests"/> can go to the binned path together (classification, at most two binnings).</summary>
    public static bool BinsSuffice(IReadOnlyCollection<MetricRequest> requests) =>
        requests.All(r => IsBinnedKind(r.Kind) && r.Bins is >= 1 and <= MaxBinnedBins)
        && requests.Select(r => (Kind: r.Kind == MetricKind.Mce ? MetricKind.Ece : r.Kind, r.Bins)).Distinct().Count() <= MaxBinnedBinnings;

    /// <summary>Whether every metric of this set is read from per-bin sums (see <see cref="BinsSuffice"/>).</summary>
    public bool BinnedOnly => _model.Task != TaskKind.Regression && BinsSuffice(_requests);

    /// <summary>The set's calibration binnings, in layout order.</summary>
    internal IReadOnlyList<Binning> Binnings => _binnings;

    /// <summary>Doubles per slot in the sums <see cref="EvaluateSums"/> takes.</summary>
    internal int Stride => _stride;
}
