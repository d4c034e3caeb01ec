using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Statistics;
using ModelGate.Core.Verdicts;

namespace ModelGate.Core.Tests;

/// <summary>
/// Analytic standard errors: exact where they have a closed form, DeLong against the committed numpy reference, and
/// every family against the bootstrap's replicate spread on a 20,000-row holdout (the size where <c>auto</c> uses them).
/// </summary>
public class AnalyticIntervalsTests
{
    private static readonly string[] BinaryMetrics = ["accuracy", "log_loss", "brier", "roc_auc", "precision", "recall", "specificity", "fpr", "f1", "mcc", "selection_rate", "balanced_accuracy"];

    [Fact]
    public void Paired_delong_matches_the_numpy_reference_to_1e_9()
    {
        var c = ReferenceData.Case("mlp_breast_cancer");
        var labels = ReferenceData.Ints(c.GetProperty("labels"));
        var baseline = StatisticsReferenceTests.PositiveColumn(ReferenceData.Doubles(c.GetProperty("scores")));
        var others = new Dictionary<string, double[]>(StringComparer.Ordinal)
        {
            ["mlp_breast_cancer_degraded"] = StatisticsReferenceTests.PositiveColumn(ReferenceData.Doubles(ReferenceData.Case("mlp_breast_cancer_degraded").GetProperty("scores"))),
            ["mlp_breast_cancer_retrained"] = StatisticsReferenceTests.PositiveColumn(ReferenceData.Doubles(ReferenceData.Statistics.GetProperty("retrained_scores"))),
        };
        foreach (var e in ReferenceData.Statistics.GetProperty("delong").EnumerateArray())
        {
            var candidate = others[e.GetProperty("a").GetString()!];
            var paired = DeLong.Paired(labels, candidate, baseline)!.Value;
            ReferenceData.Close(e.GetProperty("auc_a").GetDouble(), paired.CandidateAuc, 1e-9, "auc a");
            ReferenceData.Close(e.GetProperty("auc_b").GetDouble(), paired.BaselineAuc, 1e-9, "auc b");
            ReferenceData.Close(e.GetProperty("variance").GetDouble(), paired.DeltaVariance, 1e-9, "delta variance");
            ReferenceData.Close(e.GetProperty("variance_a").GetDouble(), paired.CandidateVariance, 1e-9, "candidate variance");
            Assert.Equal(DeLong.OneModel(labels, baseline)!.Value.Variance, paired.BaselineVariance, 15);
            Assert.Equal(DeLong.Test(labels, candidate, baseline, 0.95)!.Variance, paired.DeltaVariance, 15);
        }
    }

    [Fact]
    public void Accuracy_and_selection_rate_have_the_per_row_standard_error_with_n_minus_1()
    {
        var (candidate, baseline, slice) = Data(TaskKind.Binary, 20_000, 3);
        foreach (var metric in new[] { "accuracy", "selection_rate" })
        {
            var errors = AnalyticIntervals.Compute(candidate, baseline, slice, new MetricRequest(metric))!;
            for (var slot = 0; slot < 1 + slice.GroupNames.Count; slot++)
            {
                var rows = Enumerable.Range(0, candidate.RowCount).Where(i => slot == 0 || slice.GroupOf[i] == slot - 1).ToArray();
                var hits = rows.Count(i => metric == "accuracy" ? candidate.PredictedRows[i] == candidate.LabelsRows![i] : candidate.PredictedRows[i] == 1);
                double n = rows.Length, p = hits / n;
                var expected = Math.Sqrt(p * (1 - p) / (n - 1));
                ReferenceData.Close(expected, errors.Candidate[slot], 1e-6, $"{metric} slot {slot}");
            }
        }
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("regression")]
    public void Every_family_matches_the_bootstrap_spread_at_20000_rows(string kind)
    {
        var regression = kind == "regression";
        var task = regression ? TaskKind.Regression : TaskKind.Binary;
        var (candidate, baseline, slice) = Data(task, 20_000, 5);
        var metrics = regression ? ["mae", "mse", "rmse", "mape"] : BinaryMetrics;
        var requests = metrics.Select(m => new MetricRequest(m)).ToArray();
        MetricSet[] Sets() => [new MetricSet(candidate, requests, slice), new MetricSet(baseline, requests, slice)];
        const int Resamples = 1000;
        var replicates = PairedBootstrap.Run(Sets(), Resamples, 77);
        var failures = new List<string>();
        for (var r = 0; r < requests.Length; r++)
        {
            var errors = AnalyticIntervals.Compute(candidate, baseline, slice, requests[r])!;
            for (var slot = 0; slot < Sets()[0].Slots; slot++)
            {
                var o = (slot * requests.Length) + r;
                var c = replicates.Of(0, o).ToArray();
                var b = replicates.Of(1, o).ToArray();
                Check($"{metrics[r]}[{slot}]", Sd(c), errors.Candidate[slot]);
                Check($"Δ{metrics[r]}[{slot}]", Sd([.. c.Zip(b, (x, y) => x - y)]), errors.Delta[slot]);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // The bootstrap's standard deviation from 1,000 resamples has a relative standard error of about 1/√2000 = 2.2%:
        // 10% is more than 4 of those.
        void Check(string name, double bootstrap, double analytic)
        {
            if (!(Math.Abs(analytic - bootstrap) <= 0.10 * bootstrap))
            {
                failures.Add($"{name}: analytic SE {analytic:G4}, bootstrap SD {bootstrap:G4}");
            }
        }
    }

    [Fact]
    public void The_gate_at_auto_names_analytic_intervals_on_large_slots_and_keeps_the_verdicts_of_the_bootstrap()
    {
        var (candidate, baseline, slice) = Data(TaskKind.Binary, 24_000, 8);
        var data = BinaryGateData(candidate, baseline) with { Slices = new Dictionary<string, SliceColumn> { ["g"] = slice } };
        GateResult Run(StatisticsMethod method) => GateEvaluator.Evaluate(
            GateData.Plan(
                GateData.MetricCheck("roc_auc", change: new ChangeBound(MaxDrop: 0.01)),
                GateData.MetricCheck("accuracy", change: new ChangeBound(MaxDrop: 0.01)),
                GateData.MetricCheck("log_loss", change: new ChangeBound(MaxIncrease: 0.01)),
                GateData.MetricCheck("precision", new Bound(AtLeast: 0.5)),
                new SubgroupCheckSpec { Id = "groups", Title = "groups", Metric = "roc_auc", Slices = ["g"], MaxDropPerGroup = 0.05 }) with
            {
                Statistics = new StatisticsOptions(Resamples: 400, Method: method),
            },
            data,
            GateData.Today);

        var auto = Run(StatisticsMethod.Auto);
        var bootstrap = Run(StatisticsMethod.Bootstrap);
        Assert.Equal(bootstrap.Checks.Select(c => (c.Spec.Id, c.Verdict)), auto.Checks.Select(c => (c.Spec.Id, c.Verdict)));
        Assert.Equal("DeLong", auto.Checks.Single(c => c.Spec.Id == "roc_auc").IntervalMethod);
        Assert.Equal("normal interval of paired per-row differences", auto.Checks.Single(c => c.Spec.Id == "accuracy").IntervalMethod);
        Assert.Equal("delta method on the confusion counts", auto.Checks.Single(c => c.Spec.Id == "precision").IntervalMethod);
        Assert.All(bootstrap.Checks.Where(c => c.IntervalMethod is not null), c => Assert.StartsWith("paired bootstrap", c.IntervalMethod, StringComparison.Ordinal));

        // Groups of 2,400 rows keep the bootstrap at auto; the 10,000+ row groups take DeLong.
        var groups = auto.Groups.Where(g => g.Metric == "roc_auc").ToList();
        Assert.Contains(groups, g => g.Support < AnalyticIntervals.AutoMinRows && g.Delta!.Method!.StartsWith("paired bootstrap", StringComparison.Ordinal));
        Assert.Contains(groups, g => g.Support >= AnalyticIntervals.AutoMinRows && g.Delta!.Method == "DeLong");
    }

    [Fact]
    public void Metrics_without_an_adequate_analytic_interval_keep_the_bootstrap()
    {
        foreach (var metric in new[] { "ece", "mce", "average_precision", "ece_adaptive" })
        {
            Assert.Equal(AnalyticFamily.None, AnalyticIntervals.FamilyOf(new MetricRequest(metric).Kind, TaskKind.Binary));
        }

        Assert.Equal(AnalyticFamily.None, AnalyticIntervals.FamilyOf(new MetricRequest("roc_auc").Kind, TaskKind.Multiclass));
        Assert.Equal(AnalyticFamily.None, AnalyticIntervals.FamilyOf(new MetricRequest("max_error").Kind, TaskKind.Regression));
        Assert.Equal(AnalyticFamily.None, AnalyticIntervals.FamilyOf(new MetricRequest("r2").Kind, TaskKind.Regression));
    }

    private static double Sd(double[] values)
    {
        var v = values.Where(x => !double.IsNaN(x)).ToArray();
        var mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }

    /// <summary>The gate's input for two binary models' scores (classes "no", "yes"), no slices.</summary>
    internal static EvaluationData BinaryGateData(ScoredModel candidate, ScoredModel baseline) => new()
    {
        Task = TaskKind.Binary,
        ClassLabels = [.. candidate.LabelsRows!],
        ClassNames = ["no", "yes"],
        Candidate = candidate.Predictions,
        Baseline = baseline.Predictions,
    };

    // Two correlated models; a slice of three groups (one of 10%) with 5% of rows in none.
    internal static (ScoredModel Candidate, ScoredModel Baseline, SliceColumn Slice) Data(TaskKind task, int rows, int seed)
    {
        var random = new Random(seed);
        var groups = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var u = random.NextDouble();
            groups[i] = u < 0.05 ? -1 : u < 0.15 ? 2 : random.Next(2);
        }

        var slice = new SliceColumn("g", groups, ["a", "b", "small"]);
        if (task == TaskKind.Regression)
        {
            var targets = new double[rows];
            var c = new double[rows];
            var b = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                targets[i] = 5 + (3 * random.NextDouble()) + groups[i];
                var shared = Normal(random);
                c[i] = targets[i] + (0.5 * shared) + (0.4 * Normal(random));
                b[i] = targets[i] + (0.5 * shared) + (0.6 * Normal(random));
            }

            return (new ScoredModel(targets, new Predictions(c, rows, 1)), new ScoredModel([.. targets], new Predictions(b, rows, 1)), slice);
        }

        var labels = new int[rows];
        var cs = new double[rows * 2];
        var bs = new double[rows * 2];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = random.NextDouble() < 0.3 + (0.1 * Math.Max(0, groups[i])) ? 1 : 0;
            var shared = Normal(random);
            var pc = 1 / (1 + Math.Exp(-((1.6 * (labels[i] - 0.5)) + shared + (0.7 * Normal(random)))));
            var pb = 1 / (1 + Math.Exp(-((1.4 * (labels[i] - 0.5)) + shared + (0.7 * Normal(random)))));
            (cs[2 * i], cs[(2 * i) + 1]) = (1 - pc, pc);
            (bs[2 * i], bs[(2 * i) + 1]) = (1 - pb, pb);
        }

        return (new ScoredModel(task, labels, new Predictions(cs, rows, 2)), new ScoredModel(task, [.. labels], new Predictions(bs, rows, 2)), slice);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
