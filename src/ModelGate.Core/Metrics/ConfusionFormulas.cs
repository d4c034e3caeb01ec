namespace ModelGate.Core.Metrics;

/// <summary>
/// Label metrics from a weighted confusion matrix C[true, predicted] (row-major K×K).
/// Binary metrics are on the positive class (index 1). Multiclass precision/recall/F1/specificity/FPR/FNR are macro
/// averages over the classes present in the labels or the predictions; a class whose own value is undefined counts as 0
/// there (scikit-learn's zero_division=0). Binary values that are undefined say why.
/// </summary>
internal static class ConfusionFormulas
{
    public static MetricValue Compute(MetricKind kind, ReadOnlySpan<double> c, int k, bool binary)
    {
        double total = 0, trace = 0;
        var rowSum = new double[k];
        var colSum = new double[k];
        for (var t = 0; t < k; t++)
        {
            for (var p = 0; p < k; p++)
            {
                var v = c[(t * k) + p];
                total += v;
                rowSum[t] += v;
                colSum[p] += v;
            }

            trace += c[(t * k) + t];
        }

        switch (kind)
        {
            case MetricKind.Accuracy:
            case MetricKind.F1Micro:
                return MetricValue.Of(trace / total);
            case MetricKind.BalancedAccuracy:
                {
                    double sum = 0;
                    var present = 0;
                    for (var t = 0; t < k; t++)
                    {
                        if (rowSum[t] > 0)
                        {
                            sum += c[(t * k) + t] / rowSum[t];
                            present++;
                        }
                    }

                    return MetricValue.Of(sum / present);
                }

            case MetricKind.SelectionRate:
                return MetricValue.Of(colSum[1] / total);
            case MetricKind.Mcc:
                {
                    double pt = 0, pp = 0, tt = 0;
                    for (var j = 0; j < k; j++)
                    {
                        pt += colSum[j] * rowSum[j];
                        pp += colSum[j] * colSum[j];
                        tt += rowSum[j] * rowSum[j];
                    }

                    var covariance = (trace * total) - pt;
                    var denominator = Math.Sqrt(((total * total) - pp) * ((total * total) - tt));
                    return denominator == 0
                        ? MetricValue.Undefined("MCC is undefined when the labels or the predictions hold a single class")
                        : MetricValue.Of(covariance / denominator);
                }

            case MetricKind.F1Weighted:
                {
                    double sum = 0;
                    for (var j = 0; j < k; j++)
                    {
                        var f1 = PerClass(MetricKind.F1, c, k, j, total, rowSum, colSum);
                        sum += rowSum[j] * (f1.IsDefined ? f1.Value : 0);
                    }

                    return MetricValue.Of(sum / total);
                }

            case MetricKind.F1Macro:
                return Macro(MetricKind.F1, c, k, total, rowSum, colSum);
            default:
                return binary ? PerClass(kind, c, k, 1, total, rowSum, colSum) : Macro(kind, c, k, total, rowSum, colSum);
        }
    }

    private static MetricValue Macro(MetricKind kind, ReadOnlySpan<double> c, int k, double total, double[] rowSum, double[] colSum)
    {
        double sum = 0;
        var classes = 0;
        for (var j = 0; j < k; j++)
        {
            if (rowSum[j] <= 0 && colSum[j] <= 0)
            {
                continue;
            }

            var v = PerClass(kind, c, k, j, total, rowSum, colSum);
            sum += v.IsDefined ? v.Value : 0;
            classes++;
        }

        return MetricValue.Of(sum / classes);
    }

    private static MetricValue PerClass(MetricKind kind, ReadOnlySpan<double> c, int k, int j, double total, double[] rowSum, double[] colSum)
    {
        var tp = c[(j * k) + j];
        var fp = colSum[j] - tp;
        var fn = rowSum[j] - tp;
        var tn = total - tp - fp - fn;
        return kind switch
        {
            MetricKind.Precision => tp + fp > 0 ? MetricValue.Of(tp / (tp + fp)) : MetricValue.Undefined("precision is undefined with no positive predictions"),
            MetricKind.Recall => tp + fn > 0 ? MetricValue.Of(tp / (tp + fn)) : MetricValue.Undefined("recall is undefined with no positive rows"),
            MetricKind.FalseNegativeRate => tp + fn > 0 ? MetricValue.Of(fn / (tp + fn)) : MetricValue.Undefined("FNR is undefined with no positive rows"),
            MetricKind.Specificity => tn + fp > 0 ? MetricValue.Of(tn / (tn + fp)) : MetricValue.Undefined("specificity is undefined with no negative rows"),
            MetricKind.FalsePositiveRate => tn + fp > 0 ? MetricValue.Of(fp / (tn + fp)) : MetricValue.Undefined("FPR is undefined with no negative rows"),
            MetricKind.F1 => (2 * tp) + fp + fn > 0 ? MetricValue.Of(2 * tp / ((2 * tp) + fp + fn)) : MetricValue.Undefined("F1 is undefined with no positive rows and no positive predictions"),
            _ => throw new InvalidOperationException($"{kind} is not a confusion-matrix metric."),
        };
    }
}
