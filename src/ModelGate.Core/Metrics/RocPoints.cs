using ModelGate.Core.Evaluation;

namespace ModelGate.Core.Metrics;

/// <summary>One binary model's ROC curve for a chart: false and true positive rates, from (0, 0) on.</summary>
/// <param name="Model">"candidate" or "baseline".</param>
/// <param name="Points">At most about <see cref="RocPoints.TargetPoints"/> points, rounded to 6 decimals.</param>
internal sealed record RocCurvePoints(string Model, IReadOnlyList<(double FalsePositiveRate, double TruePositiveRate)> Points);

/// <summary>
/// ROC points of P(positive) over a model's finite rows, walked from the highest score down; a point is taken only at
/// the end of a run of tied scores, so the curve does not depend on how ties are ordered.
/// </summary>
internal static class RocPoints
{
    /// <summary>About this many points per curve: enough for a chart.</summary>
    public const int TargetPoints = 200;

    /// <summary>The curve from the model's own sorted order of P(positive) (<see cref="ScoredModel.Order"/>, sorted once and shared).</summary>
    public static IReadOnlyList<(double FalsePositiveRate, double TruePositiveRate)> Of(ScoredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ascending = model.OrderRows(1);
        var order = new List<int>(ascending.Length);
        for (var k = ascending.Length - 1; k >= 0; k--)
        {
            if (double.IsFinite(model.Probability(ascending[k], 1)))
            {
                order.Add(ascending[k]);
            }
        }

        return Walk(order, model.LabelsRows!, row => model.Probability(row, 1));
    }

    /// <summary>The curve of predictions no scored model covers row for row (rows the evaluation left out): sorted here.</summary>
    public static IReadOnlyList<(double FalsePositiveRate, double TruePositiveRate)> Of(int[] labels, Predictions predictions)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        var order = Enumerable.Range(0, predictions.RowCount)
            .Where(i => double.IsFinite(predictions.Scores[(2 * i) + 1]))
            .OrderByDescending(i => predictions.Scores[(2 * i) + 1]).ToArray();
        return Walk(order, labels, row => predictions.Scores[(2 * row) + 1]);
    }

    private static List<(double, double)> Walk(IReadOnlyList<int> order, int[] labels, Func<int, double> score)
    {
        double positives = order.Count(i => labels[i] == 1), negatives = order.Count - positives;
        var points = new List<(double, double)> { (0, 0) };
        if (positives == 0 || negatives == 0)
        {
            return points;
        }

        var step = Math.Max(1, order.Count / TargetPoints);
        double tp = 0, fp = 0;
        for (var k = 0; k < order.Count; k++)
        {
            if (labels[order[k]] == 1)
            {
                tp++;
            }
            else
            {
                fp++;
            }

            var tieNext = k + 1 < order.Count && score(order[k + 1]) == score(order[k]);
            if (!tieNext && (k % step == 0 || k == order.Count - 1))
            {
                points.Add((Math.Round(fp / negatives, 6), Math.Round(tp / positives, 6)));
            }
        }

        return points;
    }
}
