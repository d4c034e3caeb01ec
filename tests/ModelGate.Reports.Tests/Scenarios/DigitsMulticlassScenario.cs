using ModelGate.Core;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using static ModelGate.Reports.Tests.Scenarios.Build;

namespace ModelGate.Reports.Tests.Scenarios;

/// <summary>sklearn digits (540 holdout rows, 10 classes): a multiclass candidate with equal-mass calibration bins.</summary>
internal static class DigitsMulticlassScenario
{
    private const int Rows = 540;

    public static Scenario Create()
    {
        IReadOnlyList<CheckResult> checks =
        [
            Check(Metric("accuracy", 16) with { Absolute = new Bound(AtLeast: 0.95), Change = new ChangeBound(MaxDrop: 0.005), Test = ComparisonTest.McNemar }, Verdict.Pass,
                "≥ 0.95; drop ≤ 0.005", "lower bound 0.9588 ≥ 0.95 and delta lower bound -0.001900 > -0.005",
                Est(0.9741, 0.9588, 0.9845), Est(0.9630, 0.9449, 0.9756), Est(0.0111, -0.0019, 0.0241)) with { PValue = 0.0801 },
            Check(Metric("f1_macro", 19) with { Change = new ChangeBound(MaxDrop: 0.01) }, Verdict.Pass,
                "drop ≤ 0.01", "delta lower bound -0.002200 > -0.01", Est(0.9738, 0.9601, 0.9851), Est(0.9627, 0.9466, 0.9761), Est(0.0111, -0.0022, 0.0243)),
            Check(Metric("top_2_accuracy", 21) with { Absolute = new Bound(AtLeast: 0.99) }, Verdict.Pass, "≥ 0.99", "lower bound 0.9905 ≥ 0.99", Est(0.9963, 0.9905, 0.9991)),
            Check(new CalibrationCheckSpec { Id = "calibration.ece_adaptive", Title = "ECE (equal-mass, top-label)", Metric = "ece_adaptive", Bins = 8, Change = new ChangeBound(MaxIncrease: 0.01) }, Verdict.Pass,
                "increase ≤ 0.01", "delta upper bound +0.003100 ≤ 0.01", Est(0.0187, 0.0121, 0.0262), Est(0.0233, 0.0160, 0.0317), Est(-0.0046, -0.0119, 0.0031)),
            Check(new SubgroupCheckSpec { Id = "subgroups.recall", Title = "Recall per digit", Slices = ["digit"], Metric = "recall", WorstGroup = new Bound(AtLeast: 0.90) }, Verdict.Pass,
                "worst group ≥ 0.90", "worst group 8: lower bound 0.9089 ≥ 0.90", Est(0.9423, 0.9089, 0.9785)),
        ];
        double[] recalls = [1.0, 0.9636, 0.9811, 0.9636, 0.9815, 0.9818, 0.9815, 0.9815, 0.9423, 0.9444];
        int[] support = [54, 55, 53, 55, 54, 55, 54, 54, 52, 54];
        var groups = recalls.Select((r, i) => Group("digit", i.ToString(System.Globalization.CultureInfo.InvariantCulture), support[i], "recall",
            Est(r, Math.Max(0, r - (0.35 / Math.Sqrt(support[i]))), Math.Min(1, r + (0.12 / Math.Sqrt(support[i])))),
            Est(r - 0.0112, Math.Max(0, r - 0.0112 - (0.37 / Math.Sqrt(support[i]))), Math.Min(1, r - 0.0112 + (0.13 / Math.Sqrt(support[i])))),
            Est(0.0112, -0.0301, 0.0525), 0.7811)).ToList();

        var result = new GateResult
        {
            Passed = true,
            Task = TaskKind.Multiclass,
            Rows = Rows,
            HasBaseline = true,
            Statistics = new StatisticsOptions(),
            Checks = checks,
            Headline =
            [
                new MetricComparison("accuracy", Est(0.9741, 0.9588, 0.9845), Est(0.9630, 0.9449, 0.9756), Est(0.0111, -0.0019, 0.0241)),
                new MetricComparison("balanced_accuracy", Est(0.9736, 0.9590, 0.9848), Est(0.9625, 0.9452, 0.9760), Est(0.0111, -0.0020, 0.0242)),
                new MetricComparison("f1_macro", Est(0.9738, 0.9601, 0.9851), Est(0.9627, 0.9466, 0.9761), Est(0.0111, -0.0022, 0.0243)),
                new MetricComparison("roc_auc", Est(0.9991, 0.9979, 0.9998), Est(0.9984, 0.9969, 0.9995), Est(0.0007, -0.0001, 0.0016)),
                new MetricComparison("log_loss", Est(0.0905, 0.0672, 0.1168), Est(0.1311, 0.1004, 0.1650), Est(-0.0406, -0.0598, -0.0222)),
            ],
            Calibration =
            [
                new CalibrationCurve(
                    "ece_adaptive",
                    [
                        new ReliabilityBin(0.31, 0.87, 68, 0.7392, 0.7206), new ReliabilityBin(0.87, 0.95, 67, 0.9145, 0.9403), new ReliabilityBin(0.95, 0.981, 68, 0.9688, 0.9853),
                        new ReliabilityBin(0.981, 0.992, 67, 0.9867, 1.0), new ReliabilityBin(0.992, 0.996, 68, 0.9941, 1.0), new ReliabilityBin(0.996, 0.998, 67, 0.9971, 1.0),
                        new ReliabilityBin(0.998, 0.9993, 68, 0.9987, 1.0), new ReliabilityBin(0.9993, 1.0, 67, 0.9997, 1.0),
                    ],
                    [
                        new ReliabilityBin(0.28, 0.83, 68, 0.6921, 0.6618), new ReliabilityBin(0.83, 0.93, 67, 0.8866, 0.9254), new ReliabilityBin(0.93, 0.972, 68, 0.9534, 0.9706),
                        new ReliabilityBin(0.972, 0.988, 67, 0.9807, 1.0), new ReliabilityBin(0.988, 0.994, 68, 0.9911, 1.0), new ReliabilityBin(0.994, 0.997, 67, 0.9956, 1.0),
                        new ReliabilityBin(0.997, 0.999, 68, 0.9981, 1.0), new ReliabilityBin(0.999, 1.0, 67, 0.9995, 1.0),
                    ]),
            ],
            Groups = groups,
            Flips = new FlipSummary { Rows = Rows, NegativeFlips = 4, PositiveFlips = 10, CandidateErrors = 14, NegativeFlipRowIds = ["1291", "0077", "1650", "0934"], NegativeFlipRows = [388, 23, 495, 280] },
        };
        var ctx = Context("digits-classifier", Provenance("digits", Rows, 1257)) with
        {
            RocCurves = [Roc("candidate", "8", 0.012), Roc("baseline", "8", 0.018), Roc("candidate", "9", 0.009), Roc("baseline", "9", 0.011), Roc("candidate", "3", 0.004), Roc("baseline", "3", 0.006)],
        };
        return new Scenario("multiclass", result, ctx);
    }
}
