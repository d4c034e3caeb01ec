using ModelGate.Core.Evaluation;

namespace ModelGate.Core.Robustness;

/// <summary>
/// One model's predictions on perturbed copies, reduced row by row as each copy arrives: how many copies flipped the
/// row's prediction, and the row's loss summed over copies. Memory is two numbers per row whatever the repeats.
/// A classification prediction flips when its class changes (binary: at the decision threshold); a regression one when it
/// moves by more than the tolerance. Loss is the 0/1 error (so the metric is accuracy) or the absolute error (MAE).
/// </summary>
internal sealed class PerturbationTally
{
    private readonly TaskKind task;
    private readonly int[]? labels;
    private readonly double[]? targets;
    private readonly Predictions unperturbed;
    private readonly double threshold;
    private readonly int[] flips;
    private readonly double[] loss;

    /// <summary>A tally against <paramref name="unperturbed"/>, the model's predictions on the holdout itself.</summary>
    public PerturbationTally(TaskKind task, int[]? labels, double[]? targets, Predictions unperturbed, double decisionThreshold, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(unperturbed);
        this.task = task;
        this.labels = labels;
        this.targets = targets;
        this.unperturbed = unperturbed;
        threshold = decisionThreshold;
        Tolerance = tolerance;
        flips = new int[unperturbed.RowCount];
        loss = new double[unperturbed.RowCount];
    }

    /// <summary>Regression: the change that counts as a flip.</summary>
    public double Tolerance { get; }

    /// <summary>Copies added so far.</summary>
    public int Repeats { get; private set; }

    /// <summary>The default regression tolerance: a tenth of the targets' standard deviation.</summary>
    public static double DefaultTolerance(double[]? targets) =>
        targets is { Length: > 1 } t ? 0.1 * MathNet.Numerics.Statistics.Statistics.StandardDeviation(t.Where(double.IsFinite)) : 0;

    /// <summary>Adds one perturbed copy's predictions (same rows, same class order).</summary>
    public void Add(Predictions perturbed)
    {
        ArgumentNullException.ThrowIfNull(perturbed);
        if (perturbed.RowCount != unperturbed.RowCount)
        {
            throw new ArgumentException($"a perturbed copy has {perturbed.RowCount} rows, the holdout {unperturbed.RowCount}", nameof(perturbed));
        }

        for (var i = 0; i < flips.Length; i++)
        {
            var before = unperturbed.Row(i);
            var after = perturbed.Row(i);
            if (task == TaskKind.Regression)
            {
                flips[i] += Math.Abs(after[0] - before[0]) > Tolerance || !double.IsFinite(after[0]) ? 1 : 0;
                loss[i] += Math.Abs(after[0] - targets![i]);
            }
            else
            {
                // A copy the model cannot score (NaN or infinite) is a flip and an error, never a silent class 0.
                var predicted = Finite(after) ? Predict(after) : -1;
                flips[i] += predicted != Predict(before) ? 1 : 0;
                loss[i] += predicted == labels![i] ? 0 : 1;
            }
        }

        Repeats++;
    }

    /// <summary>The reduced copies: per row, the share of copies flipped and the loss change (perturbed mean − unperturbed).</summary>
    public PerturbedRows Result()
    {
        var n = flips.Length;
        var share = new double[n];
        var change = new double[n];
        var before = new double[n];
        for (var i = 0; i < n; i++)
        {
            var own = Loss(unperturbed.Row(i), i);
            before[i] = own;
            share[i] = Repeats == 0 ? 0 : (double)flips[i] / Repeats;
            change[i] = Repeats == 0 ? 0 : (loss[i] / Repeats) - own;
        }

        return new PerturbedRows(share, change, before, Repeats);
    }

    private double Loss(ReadOnlySpan<double> row, int i) => task == TaskKind.Regression
        ? Math.Abs(row[0] - targets![i])
        : Predict(row) == labels![i] ? 0 : 1;

    private static bool Finite(ReadOnlySpan<double> row)
    {
        foreach (var v in row)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    private int Predict(ReadOnlySpan<double> row)
    {
        if (task == TaskKind.Binary)
        {
            return row[1] >= threshold ? 1 : 0;
        }

        var best = 0;
        for (var k = 1; k < row.Length; k++)
        {
            best = row[k] > row[best] ? k : best;
        }

        return best;
    }
}

/// <summary>One model's perturbed copies, reduced per row.</summary>
/// <param name="FlipShare">Per row: the share of copies whose prediction differs from the unperturbed one.</param>
/// <param name="LossChange">Per row: mean loss over copies minus the unperturbed loss (0/1 error or absolute error).</param>
/// <param name="Loss">Per row: the unperturbed loss (0/1 error or absolute error).</param>
/// <param name="Repeats">Copies.</param>
internal sealed record PerturbedRows(double[] FlipShare, double[] LossChange, double[] Loss, int Repeats)
{
    /// <summary>Mean unperturbed loss (1 − accuracy, or MAE); NaN without rows.</summary>
    public double UnperturbedLoss => Loss.Length == 0 ? double.NaN : Loss.Average();

    /// <summary>The same tallies on <paramref name="rows"/> (indexes into these rows): a slice group's share of the copies.</summary>
    public PerturbedRows Pick(int[] rows) =>
        new(RowSubset.Pick(FlipShare, rows)!, RowSubset.Pick(LossChange, rows)!, RowSubset.Pick(Loss, rows)!, Repeats);
}
