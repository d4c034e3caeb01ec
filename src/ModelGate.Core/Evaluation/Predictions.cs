namespace ModelGate.Core.Evaluation;

/// <summary>
/// One model's outputs on the holdout, in ModelGate's canonical form:
/// classification: a probability per class, row-major [RowCount x ClassCount] (binary: 2 columns, column 1 = positive);
/// regression: one prediction per row (ClassCount = 1).
/// Rows whose score is NaN or infinite are counted and excluded by the evaluator, never silently used.
/// </summary>
internal sealed class Predictions
{
    /// <summary>Wraps scores without copying.</summary>
    public Predictions(double[] scores, int rowCount, int classCount)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (scores.Length != (long)rowCount * classCount)
        {
            throw new ArgumentException($"Expected {rowCount} x {classCount} scores, got {scores.Length}.", nameof(scores));
        }

        Scores = scores;
        RowCount = rowCount;
        ClassCount = classCount;
    }

    /// <summary>Row-major scores.</summary>
    public double[] Scores { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Classes per row (1 for regression).</summary>
    public int ClassCount { get; }

    /// <summary>The scores of one row.</summary>
    public ReadOnlySpan<double> Row(int row) => Scores.AsSpan(row * ClassCount, ClassCount);
}
