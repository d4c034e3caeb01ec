namespace ModelGate.Core.Metrics;

/// <summary>What a calibration binning bins on.</summary>
internal enum BinningKind
{
    /// <summary>Top-label confidence, equal-width bins.</summary>
    TopLabelWidth,

    /// <summary>Top-label confidence, equal-mass bins.</summary>
    TopLabelMass,

    /// <summary>P(positive) against the positive label (binary), equal-width bins.</summary>
    Positive,

    /// <summary>Each class's probability against "label is that class", equal-width bins per class.</summary>
    Classwise,
}

/// <summary>
/// Per-row bin assignment of one calibration binning, and how its weighted sums (weight, Σ confidence, Σ outcome per bin)
/// turn into ECE and MCE. Equal-width bin i covers [i/B, (i+1)/B), the last bin includes 1.
/// </summary>
internal sealed class Binning
{
    private readonly int[][] _bin;
    private readonly double[][] _value;
    private readonly double[][] _outcome;

    // Offset of each row's bin within a slot (single-column binnings), so the hot loop does one load.
    private readonly int[] _at;

    public Binning(BinningKind kind, int bins, int offset, ScoredModel model)
    {
        Kind = kind;
        Bins = bins;
        Offset = offset;
        var n = model.RowCount;
        var columns = kind == BinningKind.Classwise ? model.ClassCount : 1;
        _bin = new int[columns][];
        _value = new double[columns][];
        _outcome = new double[columns][];
        for (var c = 0; c < columns; c++)
        {
            var bin = new int[n];
            var value = new double[n];
            var outcome = new double[n];
            var mass = kind == BinningKind.TopLabelMass ? model.EqualMassBins(bins) : null;
            for (var i = 0; i < n; i++)
            {
                (value[i], outcome[i]) = kind switch
                {
                    BinningKind.TopLabelWidth or BinningKind.TopLabelMass => (model.Confidence[i], model.TopLabelCorrect[i]),
                    BinningKind.Positive => (model.Probability(i, 1), model.Labels![i] == 1 ? 1.0 : 0.0),
                    _ => (model.Probability(i, c), model.Labels![i] == c ? 1.0 : 0.0),
                };
                bin[i] = mass is not null ? mass[i] : EqualWidthBin(value[i], bins);
            }

            _bin[c] = bin;
            _value[c] = value;
            _outcome[c] = outcome;
        }

        _at = new int[columns == 1 ? n : 0];
        for (var i = 0; i < _at.Length; i++)
        {
            _at[i] = offset + (3 * _bin[0][i]);
        }
    }

    public BinningKind Kind { get; }

    public int Bins { get; }

    public int Offset { get; }

    public int Size => 3 * Bins * _bin.Length;

    public static int EqualWidthBin(double value, int bins) => Math.Clamp((int)(value * bins), 0, bins - 1);

    public void Add(double[] sums, int slotBase, int row, double w)
    {
        if (_bin.Length == 1)
        {
            var at = slotBase + _at[row];
            sums[at] += w;
            sums[at + 1] += w * _value[0][row];
            sums[at + 2] += w * _outcome[0][row];
            return;
        }

        for (var c = 0; c < _bin.Length; c++)
        {
            var at = slotBase + Offset + (3 * ((c * Bins) + _bin[c][row]));
            sums[at] += w;
            sums[at + 1] += w * _value[c][row];
            sums[at + 2] += w * _outcome[c][row];
        }
    }

    /// <summary>Σ_bins (W_b / W) |observed_b - confidence_b|, averaged over classes for class-wise ECE.</summary>
    public double Ece(ReadOnlySpan<double> slotSums, double total)
    {
        var sum = 0.0;
        var s = slotSums.Slice(Offset, Size);
        for (var b = 0; b < Bins * _bin.Length; b++)
        {
            sum += Math.Abs(s[(3 * b) + 2] - s[(3 * b) + 1]);
        }

        return sum / total / _bin.Length;
    }

    /// <summary>Largest |observed_b - confidence_b| over non-empty bins.</summary>
    public double Mce(ReadOnlySpan<double> slotSums)
    {
        var max = 0.0;
        var s = slotSums.Slice(Offset, Size);
        for (var b = 0; b < Bins * _bin.Length; b++)
        {
            var w = s[3 * b];
            if (w > 0)
            {
                max = Math.Max(max, Math.Abs(s[(3 * b) + 2] - s[(3 * b) + 1]) / w);
            }
        }

        return max;
    }
}
