using ModelGate.Core.Evaluation;

namespace ModelGate.Core.Metrics;

/// <summary>Point values of metrics over columns: the pure-function entry point (the gate uses <see cref="MetricSet"/> directly).</summary>
internal static class Metric
{
    /// <summary>One metric of one model; <paramref name="weights"/> are optional row weights (scikit-learn's sample_weight).</summary>
    public static MetricValue Compute(string metric, ScoredModel model, double[]? weights = null, int bins = 15)
    {
        ArgumentNullException.ThrowIfNull(model);
        var set = new MetricSet(model, [new MetricRequest(metric, bins)]);
        var output = new MetricValue[1];
        set.Evaluate(weights ?? Ones(model.RowCount), output);
        return output[0];
    }

    /// <summary>One metric per group of a slice (index = group); empty groups are undefined with the reason.</summary>
    public static IReadOnlyList<MetricValue> PerGroup(string metric, ScoredModel model, SliceColumn slice, double[]? weights = null, int bins = 15)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(slice);
        var set = new MetricSet(model, [new MetricRequest(metric, bins)], slice);
        var output = new MetricValue[set.OutputCount];
        set.Evaluate(weights ?? Ones(model.RowCount), output);
        return output[1..];
    }

    /// <summary>The weighted confusion matrix [true, predicted] (binary uses the model's threshold).</summary>
    public static double[,] ConfusionMatrix(ScoredModel model, double[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Labels is null)
        {
            throw new ArgumentException("A confusion matrix needs class labels.", nameof(model));
        }

        var k = model.ClassCount;
        var matrix = new double[k, k];
        for (var i = 0; i < model.RowCount; i++)
        {
            matrix[model.LabelsRows![i], model.PredictedRows[i]] += weights?[i] ?? 1;
        }

        return matrix;
    }

    /// <summary>An array of ones.</summary>
    internal static double[] Ones(int n)
    {
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
