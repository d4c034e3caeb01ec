using ModelGate.Core;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using static ModelGate.Reports.Tests.Scenarios.Build;

namespace ModelGate.Reports.Tests.Scenarios;

/// <summary>AER::HMDA (714 holdout rows, mortgage denial): inconclusive checks, a waiver that applies and one that expired.</summary>
internal static class HmdaWaiverScenario
{
    private const int Rows = 714;

    public static Scenario Create()
    {
        var applied = new Waiver("recalibration with isotonic regression lands next sprint", "@ml-risk", new DateOnly(2026, 12, 31), new SourceLocation("modelgate.yml", 80, 5));
        var expired = new Waiver("new feature pipeline is slower until the cache lands", "@platform-perf", new DateOnly(2026, 11, 1), new SourceLocation("modelgate.yml", 84, 5));
        IReadOnlyList<CheckResult> checks =
        [
            Check(Metric("roc_auc", 20) with { Absolute = new Bound(AtLeast: 0.75), Change = new ChangeBound(MaxDrop: 0.01), Test = ComparisonTest.DeLong }, Verdict.Inconclusive,
                "≥ 0.75; drop ≤ 0.01", "delta -0.006100 [-0.02480, +0.01260] straddles the allowed drop -0.01",
                Est(0.8274, 0.7846, 0.8702), Est(0.8335, 0.7921, 0.8749), Est(-0.0061, -0.0248, 0.0126)) with { PValue = 0.5210, MinimumDetectableEffect = 0.0187, RowsNeeded = 2460 },
            Check(Metric("recall", 23) with { Absolute = new Bound(AtLeast: 0.40) }, Verdict.Inconclusive,
                "≥ 0.40", "interval [0.3194, 0.5279] straddles 0.40 with only 86 denied applicants in the holdout",
                Est(0.4186, 0.3194, 0.5279)) with { RowsNeeded = 1900 },
            Check(new CalibrationCheckSpec { Id = "calibration.ece", Title = "ECE (equal-width, top-label)", Metric = "ece", Bins = 10, Absolute = new Bound(AtMost: 0.03), Waiver = applied },
                Verdict.Waived, "≤ 0.03", "lower bound 0.03410 > 0.03",
                Est(0.0512, 0.0341, 0.0702), Est(0.0488, 0.0322, 0.0671), Est(0.0024, -0.0093, 0.0139), false),
            Check(new FairnessCheckSpec { Id = "fairness.afam", Title = "Equalized odds difference across afam", Slices = ["afam"], Disparities = new Dictionary<string, Bound> { ["equalized_odds_difference"] = new(AtMost: 0.10) }, Severity = Severity.Warning },
                Verdict.Inconclusive, "equalized odds difference ≤ 0.10", "interval [0.04120, 0.2231] straddles 0.10: the afam = yes group holds 101 rows",
                Est(0.1187, 0.0412, 0.2231)),
            Check(new LatencyCheckSpec { Id = "latency.p95", Title = "p95 latency, batch 32", BatchSize = 32, MaxRelativeIncrease = 0.20, Waiver = expired }, Verdict.Fail,
                "increase ≤ 20%", "p95 0.9120 ms is +41.3% over the baseline's 0.6455 ms", Est(0.912), Est(0.6455)) with { WaiverExpired = true },
            Check(new ModelSizeCheckSpec { Id = "model_size", Title = "Model size", AtMostMb = 10 }, Verdict.Pass, "≤ 10 MB", "0.06120 MB ≤ 10 MB", Est(0.0612), Est(0.0498)),
        ];

        var result = new GateResult
        {
            Passed = false,
            Task = TaskKind.Binary,
            Rows = Rows,
            HasBaseline = true,
            Statistics = new StatisticsOptions(Resamples: 2000, Seed: 7),
            Checks = checks,
            Headline =
            [
                new MetricComparison("roc_auc", Est(0.8274, 0.7846, 0.8702), Est(0.8335, 0.7921, 0.8749), Est(-0.0061, -0.0248, 0.0126)),
                new MetricComparison("recall", Est(0.4186, 0.3194, 0.5279), Est(0.3837, 0.2877, 0.4894), Est(0.0349, -0.0233, 0.0930)),
                new MetricComparison("precision", Est(0.6207, 0.4920, 0.7345), Est(0.6346, 0.4990, 0.7511), Est(-0.0139, -0.0902, 0.0611)),
                new MetricComparison("ece", Est(0.0512, 0.0341, 0.0702), Est(0.0488, 0.0322, 0.0671), Est(0.0024, -0.0093, 0.0139)),
            ],
            Calibration =
            [
                new CalibrationCurve(
                    "ece",
                    Bins((412, 0.04, 0.0291), (121, 0.14, 0.1157), (63, 0.24, 0.2540), (38, 0.35, 0.4211), (27, 0.45, 0.5185), (19, 0.55, 0.6316), (14, 0.65, 0.7857), (9, 0.74, 0.8889), (7, 0.85, 1.0), (4, 0.94, 1.0)),
                    Bins((398, 0.04, 0.0302), (135, 0.14, 0.1111), (61, 0.24, 0.2623), (40, 0.34, 0.4000), (26, 0.45, 0.5000), (20, 0.55, 0.6000), (13, 0.65, 0.7692), (10, 0.75, 0.9000), (7, 0.84, 1.0), (4, 0.93, 1.0))),
            ],
            Groups =
            [
                Group("afam", "no", 613, "recall", Est(0.3714, 0.2670, 0.4893), Est(0.3429, 0.2424, 0.4597), Est(0.0285, -0.0371, 0.0942), 0.6120),
                Group("afam", "yes", 101, "recall", Est(0.5000, 0.3183, 0.6817), Est(0.4688, 0.2910, 0.6534), Est(0.0312, -0.0938, 0.1563), 0.6120),
                Group("single", "no", 445, "recall", Est(0.3953, 0.2619, 0.5461), Est(0.3721, 0.2423, 0.5230), Est(0.0232, -0.0698, 0.1163), 0.6120),
                Group("single", "yes", 269, "recall", Est(0.4419, 0.3024, 0.5914), Est(0.3953, 0.2619, 0.5461), Est(0.0466, -0.0465, 0.1395), 0.6120),
                Group("hschool", "no", 12, "recall", Est(0.6667, 0.2077, 0.9385), Est(0.6667, 0.2077, 0.9385), Est(0, -0.3333, 0.3333), 1.0),
            ],
            Flips = new FlipSummary { Rows = Rows, NegativeFlips = 9, PositiveFlips = 12, CandidateErrors = 62, NegativeFlipRowIds = ["1803", "0412", "2217"], NegativeFlipRows = [541, 125, 670] },
        };
        return new Scenario("waivers", result, Context("hmda-deny", Provenance("hmda", Rows, 1666)));
    }
}
