using ModelGate.Core;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;

namespace ModelGate.Benchmarks.Metrics;

/// <summary>
/// A deterministic synthetic binary holdout: labels with 30% positives, two correlated models whose scores are the
/// sigmoid of a noisy margin (rounded to float32 like ONNX outputs, so ties occur), and an 8-group slice.
/// </summary>
internal sealed class SyntheticHoldout
{
    /// <summary>Generates <paramref name="rows"/> rows from <paramref name="seed"/>.</summary>
    public SyntheticHoldout(int rows, int seed = 1)
    {
        var random = new Random(seed);
        Labels = new int[rows];
        var candidate = new double[rows * 2];
        var baseline = new double[rows * 2];
        var groups = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var y = random.NextDouble() < 0.3 ? 1 : 0;
            Labels[i] = y;
            var signal = (y == 1 ? 1.2 : -1.2) + Gaussian(random);
            var pc = (double)(float)(1 / (1 + Math.Exp(-(signal + (0.5 * Gaussian(random))))));
            var pb = (double)(float)(1 / (1 + Math.Exp(-(signal + (0.6 * Gaussian(random))))));
            candidate[2 * i] = 1 - pc;
            candidate[(2 * i) + 1] = pc;
            baseline[2 * i] = 1 - pb;
            baseline[(2 * i) + 1] = pb;
            groups[i] = random.Next(8);
        }

        Candidate = new Predictions(candidate, rows, 2);
        Baseline = new Predictions(baseline, rows, 2);
        Slice = new SliceColumn("segment", groups, [.. Enumerable.Range(0, 8).Select(g => "g" + g.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
    }

    /// <summary>Labels (1 = positive).</summary>
    public int[] Labels { get; }

    /// <summary>Candidate probabilities [N x 2].</summary>
    public Predictions Candidate { get; }

    /// <summary>Baseline probabilities [N x 2].</summary>
    public Predictions Baseline { get; }

    /// <summary>The 8-group slice.</summary>
    public SliceColumn Slice { get; }

    /// <summary>The five benchmarked metrics: ROC AUC, log loss, accuracy, Brier, ECE (15 equal-width bins).</summary>
    public static MetricRequest[] Requests { get; } = [new("roc_auc"), new("log_loss"), new("accuracy"), new("brier"), new("ece")];

    /// <summary>Candidate and baseline metric sets over the whole holdout plus the 8 slice groups.</summary>
    public MetricSet[] Sets() =>
    [
        new MetricSet(new ScoredModel(TaskKind.Binary, Labels, Candidate), Requests, Slice),
        new MetricSet(new ScoredModel(TaskKind.Binary, Labels, Baseline), Requests, Slice),
    ];

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
