using ModelGate.Core;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using static ModelGate.Reports.Tests.Scenarios.Build;

namespace ModelGate.Reports.Tests.Scenarios;

/// <summary>carData::Arrests (1568 holdout rows, release with a summons): a candidate that passes, and one that fails.</summary>
internal static class ArrestsScenarios
{
    private const int Rows = 1568;

    public static Scenario Passing()
    {
        IReadOnlyList<CheckResult> checks =
        [
            Check(Metric("roc_auc", 24) with { Absolute = new Bound(AtLeast: 0.70), Change = new ChangeBound(MaxDrop: 0.01), Test = ComparisonTest.DeLong }, Verdict.Pass,
                "≥ 0.70; drop ≤ 0.01", "lower bound 0.7368 ≥ 0.70 and delta lower bound -0.002100 > -0.01",
                Est(0.7671, 0.7368, 0.7957), Est(0.7465, 0.7160, 0.7762), Est(0.0206, -0.0021, 0.0431)) with { PValue = 0.0731 },
            Check(Metric("log_loss", 27) with { Change = new ChangeBound(MaxRelativeIncrease: 0.05) }, Verdict.Pass,
                "increase ≤ 5% of baseline", "relative increase upper bound -0.8% ≤ 5%",
                Est(0.3901, 0.3712, 0.4098), Est(0.4012, 0.3820, 0.4215), Est(-0.0111, -0.0192, -0.0031)),
            Check(new GeneralizationGapCheckSpec { Id = "generalization_gap.roc_auc", Title = "Generalization gap (ROC AUC)", Metric = "roc_auc", AtMost = 0.05 }, Verdict.Pass,
                "≤ 0.05", "gap upper bound 0.04410 ≤ 0.05", Est(0.0192, -0.0061, 0.0441)),
            Check(new CalibrationCheckSpec { Id = "calibration.ece", Title = "ECE (equal-width, top-label)", Metric = "ece", Bins = 10, Absolute = new Bound(AtMost: 0.05), Change = new ChangeBound(MaxIncrease: 0.01), Severity = Severity.Warning },
                Verdict.Pass, "≤ 0.05; increase ≤ 0.01", "upper bound 0.03390 ≤ 0.05 and delta upper bound +0.004100 ≤ 0.01",
                Est(0.0214, 0.0131, 0.0339), Est(0.0236, 0.0149, 0.0361), Est(-0.0022, -0.0098, 0.0041)),
            Check(new LatencyCheckSpec { Id = "latency.p95", Title = "p95 latency, batch 1", AtMostMs = 5, MaxRelativeIncrease = 0.20 }, Verdict.Pass,
                "≤ 5 ms; increase ≤ 20%", "p95 0.1840 ms ≤ 5 ms; +6.98% ≤ 20%", Est(0.184), Est(0.172)),
            Check(new ModelSizeCheckSpec { Id = "model_size", Title = "Model size", AtMostMb = 50 }, Verdict.Pass, "≤ 50 MB", "0.04821 MB ≤ 50 MB", Est(0.048213), Est(0.045877)),
        ];

        var result = new GateResult
        {
            Passed = true,
            Task = TaskKind.Binary,
            Rows = Rows,
            HasBaseline = true,
            Statistics = new StatisticsOptions(),
            Checks = checks,
            Headline =
            [
                new MetricComparison("roc_auc", Est(0.7671, 0.7368, 0.7957), Est(0.7465, 0.7160, 0.7762), Est(0.0206, -0.0021, 0.0431)),
                new MetricComparison("accuracy", Est(0.8412, 0.8227, 0.8591), Est(0.8361, 0.8176, 0.8546), Est(0.0051, -0.0064, 0.0166)),
                new MetricComparison("log_loss", Est(0.3901, 0.3712, 0.4098), Est(0.4012, 0.3820, 0.4215), Est(-0.0111, -0.0192, -0.0031)),
            ],
            Calibration = [Calibration(0.0)],
            Flips = new FlipSummary { Rows = Rows, NegativeFlips = 21, PositiveFlips = 29, CandidateErrors = 249 },
        };
        return new Scenario("passing", result, Context("arrests-release", Provenance("arrests", Rows, 3658)) with
        {
            RocCurves = [Roc("candidate", "Yes", 0.3036), Roc("baseline", "Yes", 0.3396)],
        });
    }

    public static Scenario Failing()
    {
        var safety = new SafetyCheckSpec
        {
            Id = "safety.repeat_offenders",
            Title = "repeat offenders must not be newly released",
            Set = "repeat_offenders",
            Description = "checks >= 3",
            NegativeFlipsAtMost = 0,
            Location = new SourceLocation("modelgate.yml", 61, 5),
        };
        var subgroups = new SubgroupCheckSpec
        {
            Id = "subgroups.recall",
            Title = "Recall per group",
            Slices = ["colour", "sex", "colour_x_sex", "age_band"],
            Metric = "recall",
            WorstGroup = new Bound(AtLeast: 0.80),
            MaxDropPerGroup = 0.03,
            Location = new SourceLocation("modelgate.yml", 48, 5),
        };
        var groups = Groups();
        IReadOnlyList<CheckResult> checks =
        [
            Check(Metric("roc_auc", 24) with { Absolute = new Bound(AtLeast: 0.70), Change = new ChangeBound(MaxDrop: 0.01), Test = ComparisonTest.DeLong }, Verdict.Fail,
                "≥ 0.70; drop ≤ 0.01", "delta -0.02310 [-0.03420, -0.01210] is entirely below the allowed drop -0.01",
                Est(0.7234, 0.6925, 0.7531), Est(0.7465, 0.7160, 0.7762), Est(-0.0231, -0.0342, -0.0121)) with { PValue = 0.00004 },
            Check(Metric("accuracy", 30, Severity.Warning) with { Change = new ChangeBound(MaxDrop: 0), Test = ComparisonTest.McNemar }, Verdict.Inconclusive,
                "drop ≤ 0", "delta -0.003800 [-0.01290, +0.005300] straddles 0",
                Est(0.8323, 0.8134, 0.8505), Est(0.8361, 0.8176, 0.8546), Est(-0.0038, -0.0129, 0.0053)) with { PValue = 0.4112, MinimumDetectableEffect = 0.0129, RowsNeeded = 18300 },
            Check(new GeneralizationGapCheckSpec { Id = "generalization_gap.roc_auc", Title = "Generalization gap (ROC AUC)", Metric = "roc_auc", AtMost = 0.05, Severity = Severity.Warning },
                Verdict.Fail, "≤ 0.05", "gap lower bound 0.05620 > 0.05: the candidate is much better on train than on the holdout", Est(0.0871, 0.0562, 0.1177)),
            Check(new CalibrationCheckSpec { Id = "calibration.ece", Title = "ECE (equal-width, top-label)", Metric = "ece", Bins = 10, Absolute = new Bound(AtMost: 0.05), Change = new ChangeBound(MaxIncrease: 0.01), Severity = Severity.Warning },
                Verdict.Inconclusive, "≤ 0.05; increase ≤ 0.01", "delta +0.009300 [+0.001200, +0.01740] straddles the allowed increase 0.01",
                Est(0.0329, 0.0231, 0.0448), Est(0.0236, 0.0149, 0.0361), Est(0.0093, 0.0012, 0.0174)),
            Check(subgroups, Verdict.Fail, "worst group ≥ 0.80; drop per group ≤ 0.03",
                "group Black × Female: recall 0.7125 [0.6021, 0.8026] is below 0.80, and its drop -0.08750 [-0.1551, -0.02150] exceeds 0.03 (adjusted p = 0.0213)",
                Est(0.7125, 0.6021, 0.8026), Est(0.8000, 0.6951, 0.8760), Est(-0.0875, -0.1551, -0.0215)) with { Groups = groups.Where(g => g.Verdict == Verdict.Fail).ToList() },
            Check(new FairnessCheckSpec { Id = "fairness.colour", Title = "Demographic parity ratio across colour", Slices = ["colour"], Disparities = new Dictionary<string, Bound> { ["demographic_parity_ratio"] = new(AtLeast: 0.80) } },
                Verdict.Pass, "demographic parity ratio ≥ 0.80", "lower bound 0.8412 ≥ 0.80", Est(0.8831, 0.8412, 0.9236)),
            Check(safety, Verdict.Fail, "negative flips ≤ 0", "3 rows with checks >= 3 the baseline held and the candidate releases") with
            {
                Flips = new FlipSummary { Rows = 212, NegativeFlips = 3, PositiveFlips = 1, CandidateErrors = 41, NegativeFlipRowIds = ["r1042", "r0311", "r1377"], NegativeFlipRows = [1041, 310, 1376] },
            },
            Check(new LatencyCheckSpec { Id = "latency.p95", Title = "p95 latency, batch 1", AtMostMs = 5, MaxRelativeIncrease = 0.20 }, Verdict.Pass,
                "≤ 5 ms; increase ≤ 20%", "p95 0.1910 ms ≤ 5 ms; +11.0% ≤ 20%", Est(0.191), Est(0.172)),
        ];

        var result = new GateResult
        {
            Passed = false,
            Task = TaskKind.Binary,
            Rows = Rows - 2,
            HasBaseline = true,
            Statistics = new StatisticsOptions(),
            Checks = checks,
            Headline =
            [
                new MetricComparison("roc_auc", Est(0.7234, 0.6925, 0.7531), Est(0.7465, 0.7160, 0.7762), Est(-0.0231, -0.0342, -0.0121)),
                new MetricComparison("average_precision", Est(0.9221, 0.9080, 0.9352), Est(0.9307, 0.9175, 0.9429), Est(-0.0086, -0.0161, -0.0012)),
                new MetricComparison("accuracy", Est(0.8323, 0.8134, 0.8505), Est(0.8361, 0.8176, 0.8546), Est(-0.0038, -0.0129, 0.0053)),
                new MetricComparison("recall", Est(0.9623, 0.9511, 0.9716), Est(0.9685, 0.9582, 0.9768), Est(-0.0062, -0.0131, 0.0004)),
                new MetricComparison("f1", Est(0.9051, 0.8941, 0.9153), Est(0.9084, 0.8975, 0.9187), Est(-0.0033, -0.0101, 0.0035)),
                new MetricComparison("log_loss", Est(0.4187, 0.3987, 0.4402), Est(0.4012, 0.3820, 0.4215), Est(0.0175, 0.0087, 0.0266)),
                new MetricComparison("ece", Est(0.0329, 0.0231, 0.0448), Est(0.0236, 0.0149, 0.0361), Est(0.0093, 0.0012, 0.0174)),
            ],
            Calibration = [Calibration(0.012)],
            Groups = groups,
            Flips = new FlipSummary
            {
                Rows = Rows - 2,
                NegativeFlips = 37,
                PositiveFlips = 31,
                CandidateErrors = 262,
                NegativeFlipRowIds = ["r1042", "r0311", "r1377", "r0007", "r0876", "r1503", "r0452", "r0990", "r1211", "r0123", "r0654", "r1488"],
                NegativeFlipRows = [1041, 310, 1376, 6, 875, 1502, 451, 989, 1210, 122, 653, 1487],
            },
            NonFiniteScoreRows = ["r0518", "r1290"],
            NonFiniteScoreRowCount = 2,
        };
        var ctx = Context("arrests-release", Provenance("arrests", Rows, 3658)) with
        {
            RocCurves = [Roc("candidate", "Yes", 0.3824), Roc("baseline", "Yes", 0.3396)],
            FlippedRows =
            [
                Row("r1042", "Black", "Male", "19", "4"),
                Row("r0311", "White", "Male", "23", "3"),
                Row("r1377", "Black", "Female", "31", "5"),
                Row("r0007", "White", "Male", "17", "1"),
                Row("r0876", "Black", "Male", "44", "2"),
            ],
        };
        return new Scenario("failing", result, ctx);
    }

    private static RowFeatures Row(string id, string colour, string sex, string age, string checks) =>
        new(id, [new("colour", colour), new("sex", sex), new("age", age), new("checks", checks)]);

    private static CalibrationCurve Calibration(double drift) => new(
        "ece",
        Bins((0, 0, 0), (4, 0.17, 0.25), (11, 0.26, 0.2727), (25, 0.36, 0.32), (48, 0.46, 0.4375 - drift), (97, 0.56, 0.5361 - drift), (186, 0.66, 0.6290 - drift), (344, 0.76, 0.7384 - drift), (512, 0.86, 0.8496 - drift), (341, 0.93, 0.9326)),
        Bins((0, 0, 0), (6, 0.16, 0.1667), (13, 0.25, 0.2308), (28, 0.35, 0.3571), (52, 0.45, 0.4423), (101, 0.55, 0.5446), (179, 0.65, 0.6425), (351, 0.75, 0.7436), (498, 0.85, 0.8474), (340, 0.93, 0.9294)));

    private static List<GroupResult> Groups() =>
    [
        Group("colour", "Black", 386, "recall", Est(0.9231, 0.8886, 0.9475), Est(0.9406, 0.9089, 0.9618), Est(-0.0175, -0.0377, 0.0021), 0.1941, Verdict.Pass),
        Group("colour", "White", 1180, "recall", Est(0.9735, 0.9627, 0.9812), Est(0.9765, 0.9662, 0.9837), Est(-0.0030, -0.0088, 0.0027), 0.4413, Verdict.Pass),
        Group("sex", "Female", 133, "recall", Est(0.9649, 0.9132, 0.9863), Est(0.9737, 0.9255, 0.9910), Est(-0.0088, -0.0351, 0.0175), 0.5502, Verdict.Pass),
        Group("sex", "Male", 1433, "recall", Est(0.9621, 0.9505, 0.9711), Est(0.9680, 0.9572, 0.9762), Est(-0.0059, -0.0128, 0.0010), 0.2210, Verdict.Pass),
        Group("colour_x_sex", "Black × Female", 96, "recall", Est(0.7125, 0.6021, 0.8026), Est(0.8000, 0.6951, 0.8760), Est(-0.0875, -0.1551, -0.0215), 0.0213, Verdict.Fail),
        Group("colour_x_sex", "Black × Male", 290, "recall", Est(0.9283, 0.8913, 0.9535), Est(0.9442, 0.9100, 0.9660), Est(-0.0159, -0.0398, 0.0080), 0.2802, Verdict.Pass),
        Group("colour_x_sex", "White × Female", 37, "recall", Est(0.9697, 0.8468, 0.9946), Est(0.9697, 0.8468, 0.9946), Est(0, -0.0606, 0.0606), 1.0, Verdict.Pass),
        Group("colour_x_sex", "White × Male", 1143, "recall", Est(0.9737, 0.9628, 0.9815), Est(0.9768, 0.9664, 0.9840), Est(-0.0031, -0.0090, 0.0027), 0.4413, Verdict.Pass),
        Group("age_band", "[0, 25)", 788, "recall", Est(0.9571, 0.9404, 0.9693), Est(0.9647, 0.9491, 0.9756), Est(-0.0076, -0.0172, 0.0019), 0.2210, Verdict.Pass),
        Group("age_band", "[25, 45)", 701, "recall", Est(0.9683, 0.9524, 0.9790), Est(0.9717, 0.9564, 0.9818), Est(-0.0034, -0.0121, 0.0052), 0.5502, Verdict.Pass),
        Group("age_band", "[45, 120]", 17, "recall", Est(0.9286, 0.6853, 0.9873), Est(1.0, 0.7847, 1.0), Est(-0.0714, -0.2143, 0), 0.5502, Verdict.Pass),
        Group("checks", "6", 9, "recall", Estimate.Undefined("no released arrestees in the group: recall needs a positive label"), Estimate.Undefined("no released arrestees in the group: recall needs a positive label"), Estimate.Undefined("both sides undefined")),
    ];
}
