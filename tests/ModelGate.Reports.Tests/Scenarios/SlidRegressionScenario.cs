using ModelGate.Core;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using static ModelGate.Reports.Tests.Scenarios.Build;

namespace ModelGate.Reports.Tests.Scenarios;

/// <summary>carData::SLID (1245 holdout rows, hourly wage): a regression candidate vs its baseline.</summary>
internal static class SlidRegressionScenario
{
    private const int Rows = 1245;

    public static Scenario Create()
    {
        IReadOnlyList<CheckResult> checks =
        [
            Check(Metric("mae", 14) with { Change = new ChangeBound(MaxRelativeIncrease: 0.02) }, Verdict.Pass,
                "increase ≤ 2% of baseline", "relative increase upper bound -1.9% ≤ 2%", Est(4.9127, 4.6892, 5.1461), Est(5.2033, 4.9705, 5.4458), Est(-0.2906, -0.3987, -0.1882)),
            Check(Metric("rmse", 16) with { Absolute = new Bound(AtMost: 8.0) }, Verdict.Pass, "≤ 8", "upper bound 6.913 ≤ 8", Est(6.4412, 5.9846, 6.9130), Est(6.7301, 6.2588, 7.2117), Est(-0.2889, -0.4210, -0.1602)),
            Check(Metric("r2", 18) with { Absolute = new Bound(AtLeast: 0.30) }, Verdict.Pass, "≥ 0.30", "lower bound 0.3312 ≥ 0.30", Est(0.3793, 0.3312, 0.4241), Est(0.3222, 0.2741, 0.3690), Est(0.0571, 0.0388, 0.0756)),
            Check(Metric("max_error", 20, Severity.Info) with { Absolute = new Bound(AtMost: 30) }, Verdict.Fail, "≤ 30", "max error 34.86 > 30 (row 2217: wage 49.92, predicted 15.06)", Est(34.86), Est(33.10)),
            Check(new GeneralizationGapCheckSpec { Id = "generalization_gap.mae", Title = "Generalization gap (MAE)", Metric = "mae", AtMost = 0.5 }, Verdict.Pass,
                "≤ 0.5", "gap upper bound 0.3140 ≤ 0.5", Est(0.0877, -0.1392, 0.3140)),
            Check(new SubgroupCheckSpec { Id = "subgroups.mae", Title = "MAE per group", Slices = ["sex", "language"], Metric = "mae", MaxDropPerGroup = 0.5 }, Verdict.Pass,
                "increase per group ≤ 0.5", "largest increase upper bound +0.2411 ≤ 0.5 (language: Other)", Est(5.6120, 4.9310, 6.3360)),
            Check(new LatencyCheckSpec { Id = "latency.p99", Title = "p99 latency, batch 1", Percentile = 99, AtMostMs = 2 }, Verdict.Pass, "≤ 2 ms", "p99 0.06210 ms ≤ 2 ms", Est(0.0621), Est(0.0594)),
            Check(new ModelSizeCheckSpec { Id = "model_size", Title = "Model size", AtMostMb = 5, MaxRelativeIncrease = 0.5 }, Verdict.Pass, "≤ 5 MB; increase ≤ 50%", "1.204 MB ≤ 5 MB; +14.2% ≤ 50%", Est(1.2041), Est(1.0543)),
        ];

        var result = new GateResult
        {
            Passed = true,
            Task = TaskKind.Regression,
            Rows = Rows,
            HasBaseline = true,
            Statistics = new StatisticsOptions(Confidence: 0.90),
            Checks = checks,
            Headline =
            [
                new MetricComparison("mae", Est(4.9127, 4.6892, 5.1461), Est(5.2033, 4.9705, 5.4458), Est(-0.2906, -0.3987, -0.1882)),
                new MetricComparison("rmse", Est(6.4412, 5.9846, 6.9130), Est(6.7301, 6.2588, 7.2117), Est(-0.2889, -0.4210, -0.1602)),
                new MetricComparison("r2", Est(0.3793, 0.3312, 0.4241), Est(0.3222, 0.2741, 0.3690), Est(0.0571, 0.0388, 0.0756)),
                new MetricComparison("mape", Estimate.Undefined("3 rows have a true wage of 0"), Estimate.Undefined("3 rows have a true wage of 0"), Estimate.Undefined("both sides undefined")),
                new MetricComparison("median_absolute_error", Est(3.7710, 3.5512, 4.0083), Est(4.0412, 3.8120, 4.2844), Est(-0.2702, -0.4011, -0.1390)),
                new MetricComparison("max_error", Est(34.86), Est(33.10), Est(1.76)),
            ],
            Groups =
            [
                Group("sex", "Female", 633, "mae", Est(4.5120, 4.2013, 4.8446), Est(4.8411, 4.5230, 5.1832), Est(-0.3291, -0.4702, -0.1899), 0.0004, Verdict.Pass),
                Group("sex", "Male", 612, "mae", Est(5.3270, 4.9822, 5.6911), Est(5.5812, 5.2240, 5.9570), Est(-0.2542, -0.3991, -0.1107), 0.0011, Verdict.Pass),
                Group("language", "English", 1001, "mae", Est(4.8890, 4.6401, 5.1503), Est(5.1862, 4.9271, 5.4590), Est(-0.2972, -0.4190, -0.1801), 0.0004, Verdict.Pass),
                Group("language", "French", 72, "mae", Est(4.3317, 3.5620, 5.1890), Est(4.7011, 3.9002, 5.5813), Est(-0.3694, -0.8120, 0.0702), 0.1512, Verdict.Pass),
                Group("language", "Other", 157, "mae", Est(5.6120, 4.9310, 6.3360), Est(5.6012, 4.9270, 6.3101), Est(0.0108, -0.2203, 0.2411), 0.9210, Verdict.Pass),
                Group("language", "(missing)", 15, "mae", Est(5.0633, 3.1200, 7.2011), Est(5.3310, 3.3012, 7.5230), Est(-0.2677, -1.1201, 0.5630), 0.6640, Verdict.Pass),
            ],
        };
        return new Scenario("regression", result, Context("slid-wages", Provenance("slid", Rows, 2902)));
    }
}
