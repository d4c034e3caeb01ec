using ModelGate.Core.Evaluation;
using ModelGate.Core.Results;

namespace ModelGate.Core.Metrics;

/// <summary>
/// Classification with a reject option. Confidence is the top-class probability (binary: max(p, 1 − p)); the
/// prediction is the one every label metric uses (binary: p ≥ the decision threshold; multiclass: the top class). A row
/// is abstained on when its confidence is below the threshold. Unweighted.
/// </summary>
internal static class RejectOption
{
    /// <summary>Risk–coverage points kept at most (evenly spaced in rows, the full-coverage point always kept).</summary>
    public const int CurvePoints = 101;

    /// <summary>Abstention at <paramref name="threshold"/> and the risk–coverage curve.</summary>
    public static Abstention Of(TaskKind task, int[] labels, Predictions p, double decisionThreshold, double threshold)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(p);
        var n = p.RowCount;
        var confidence = new double[n];
        var correct = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var row = p.Row(i);
            int predicted;
            if (task == TaskKind.Binary)
            {
                predicted = row[1] >= decisionThreshold ? 1 : 0;
                confidence[i] = Math.Max(row[1], 1 - row[1]);
            }
            else
            {
                predicted = 0;
                for (var k = 1; k < row.Length; k++)
                {
                    predicted = row[k] > row[predicted] ? k : predicted;
                }

                confidence[i] = row[predicted];
            }

            correct[i] = predicted == labels[i];
        }

        var abstained = confidence.Count(c => c < threshold);
        var answeredCorrect = Enumerable.Range(0, n).Count(i => confidence[i] >= threshold && correct[i]);
        return new Abstention
        {
            Threshold = threshold,
            Rows = n,
            Abstained = abstained,
            CorrectAnswered = answeredCorrect,
            OverallAccuracy = n == 0 ? double.NaN : (double)correct.Count(c => c) / n,
            Curve = Curve(confidence, correct),
        };
    }

    // Rows by confidence, highest first; a point after each row, downsampled evenly. Rows of equal confidence are
    // answered together, so a point is placed only where the next row's confidence is lower (or at the end).
    private static List<RiskCoveragePoint> Curve(double[] confidence, bool[] correct)
    {
        var n = confidence.Length;
        var order = Enumerable.Range(0, n).OrderByDescending(i => confidence[i]).ThenBy(i => i).ToArray();
        var all = new List<RiskCoveragePoint>();
        var errors = 0;
        for (var k = 0; k < n; k++)
        {
            errors += correct[order[k]] ? 0 : 1;
            if (k == n - 1 || confidence[order[k + 1]] < confidence[order[k]])
            {
                all.Add(new RiskCoveragePoint((double)(k + 1) / n, (double)errors / (k + 1), confidence[order[k]]));
            }
        }

        if (all.Count <= CurvePoints)
        {
            return all;
        }

        var step = (double)(all.Count - 1) / (CurvePoints - 1);
        return [.. Enumerable.Range(0, CurvePoints).Select(j => all[(int)Math.Round(j * step)])];
    }
}
