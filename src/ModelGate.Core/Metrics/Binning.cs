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
/// Per-row bin assignment of one calibration binning over one model: what to add for each row (the bin, the value
/// binned and the outcome). Built once per model and binning, shared by every metric set (slice) of that model.
/// </summary>
internal sealed class BinningRows
{
    public BinningRows(BinningKind kind, int bins, ScoredModel model)
    {
        var n = model.RowCount;
        var columns = kind == BinningKind.Classwise ? model.ClassCount : 1;
        Bin = new int[columns][];
        Value = new double[columns][];
        Outcome = new double[columns][];
        var mass = kind == BinningKind.TopLabelMass ? model.EqualMassBinRows(bins) : null;
        for (var c = 0; c < columns; c++)
        {
            var topLabel = kind is BinningKind.TopLabelWidth or BinningKind.TopLabelMass;
            var value = topLabel ? model.ConfidenceRows : new double[n];
            var outcome = topLabel ? model.TopLabelCorrectRows : new double[n];
            var bin = new int[n];
            for (var i = 0; i < n; i++)
            {
                if (!topLabel)
                {
                    var k = kind == BinningKind.Positive ? 1 : c;
                    value[i] = model.Probability(i, k);
                    outcome[i] = model.LabelsRows![i] == k ? 1.0 : 0.0;
                }

                // Stored as the offset of the bin's three sums (weight, Σ value, Σ outcome) within the binning.
                bin[i] = 3 * ((c * bins) + (mass is not null ? mass[i] : Binning.EqualWidthBin(value[i], bins)));
            }

            Bin[c] = bin;
            Value[c] = value;
            Outcome[c] = outcome;
        }
    }

    /// <summary>Per class column (one unless class-wise): 3 × (column × bins + bin) of each row.</summary>
    public int[][] Bin { get; }

    public double[][] Value { get; }

    public double[][] Outcome { get; }
}

/// <summary>
/// One calibration binning placed in a metric set's sums: per-row data from <see cref="BinningRows"/>, and how the
/// weighted sums (weight, Σ confidence, Σ outcome per bin) turn into ECE and MCE. Equal-width bin i covers
/// [i/B, (i+1)/B), the last bin includes 1.
/// </summary>
internal sealed class Binning
{
    private readonly int[][] _bin;
    private readonly double[][] _value;
    private readonly double[][] _outcome;

    public Binning(BinningKind kind, int bins, int offset, ScoredModel model)
    {
        Kind = kind;
        Bins = bins;
        Offset = offset;
        var rows = model.Binning(kind, bins);
        _bin = rows.Bin;
        _value = rows.Value;
        _outcome = rows.Outcome;
    }

    public BinningKind Kind { get; }

    public int Bins { get; }

    public int Offset { get; }

    public int Size => 3 * Bins * _bin.Length;

    /// <summary>The sums a binning of <paramref name="kind"/> takes in a slot: weight, Σ value, Σ outcome per bin and class column.</summary>
    public static int SizeOf(BinningKind kind, int bins, int classes) => 3 * bins * (kind == BinningKind.Classwise ? classes : 1);

    public static int EqualWidthBin(double value, int bins) => Math.Clamp((int)(value * bins), 0, bins - 1);

    public void Add(double[] sums, int slotBase, int row, double w)
    {
        for (var c = 0; c < _bin.Length; c++)
        {
            var at = slotBase + Offset + _bin[c][row];
            sums[at] += w;
            sums[at + 1] += w * _value[c][row];
            sums[at + 2] += w * _outcome[c][row];
        }
    }

    /// <summary>Like <see cref="Add"/> for eight resamples at once (one lane each): the same products and sums per lane.</summary>
    public void AddBlock(System.Runtime.Intrinsics.Vector512<double>[] sums, int slotBase, int row, System.Runtime.Intrinsics.Vector512<double> w)
    {
        for (var c = 0; c < _bin.Length; c++)
        {
            var at = slotBase + Offset + _bin[c][row];
            sums[at] += w;
            sums[at + 1] += w * System.Runtime.Intrinsics.Vector512.Create(_value[c][row]);
            sums[at + 2] += w * System.Runtime.Intrinsics.Vector512.Create(_outcome[c][row]);
        }
    }

    /// <summary>The single-column arrays (all but class-wise), for the hot loop to hoist.</summary>
    public (int[] Bin, double[] Value, double[] Outcome)? Single => _bin.Length == 1 ? (_bin[0], _value[0], _outcome[0]) : null;
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
