namespace ModelGate.Core.Metrics;

/// <summary>Regression metrics from weighted sums.</summary>
internal static class RegressionFormulas
{
    /// <summary>R² = 1 - SS_res / SS_tot with weighted sums; undefined when the targets are constant.</summary>
    public static MetricValue R2(double total, double squaredErrors, double sumY, double sumY2)
    {
        var totalSquares = sumY2 - (sumY * sumY / total);
        return totalSquares <= 1e-12 * Math.Max(sumY2, 1e-300)
            ? MetricValue.Undefined("R² is undefined when every target has the same value")
            : MetricValue.Of(1 - (squaredErrors / totalSquares));
    }
}
