using ModelGate.Core;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using static ModelGate.Reports.Tests.Scenarios.Build;

namespace ModelGate.Reports.Tests.Scenarios;

/// <summary>AER::CreditCard (396 holdout rows, card accepted): a first model, no baseline, so change checks are skipped.</summary>
internal static class CreditCardNoBaselineScenario
{
    private const int Rows = 396;

    public static Scenario Create()
    {
        IReadOnlyList<CheckResult> checks =
        [
            Check(Metric("roc_auc", 18) with { Absolute = new Bound(AtLeast: 0.90), Change = new ChangeBound(MaxDrop: 0.01) }, Verdict.Pass,
                "≥ 0.90; drop ≤ 0.01", "lower bound 0.9712 ≥ 0.90; the change bound was not judged: no baseline", Est(0.9841, 0.9712, 0.9937)),
            Check(Metric("accuracy", 21) with { Change = new ChangeBound(MaxDrop: 0) }, Verdict.Skipped,
                "drop ≤ 0", "no baseline model: a change bound needs one (add models.baseline to judge it)"),
            Check(Metric("balanced_accuracy", 23) with { Absolute = new Bound(AtLeast: 0.85) }, Verdict.Pass, "≥ 0.85", "lower bound 0.9236 ≥ 0.85", Est(0.9502, 0.9236, 0.9714)),
            Check(new CalibrationCheckSpec { Id = "calibration.brier", Title = "Brier score", Metric = "brier", Absolute = new Bound(AtMost: 0.08) }, Verdict.Pass,
                "≤ 0.08", "upper bound 0.04880 ≤ 0.08", Est(0.0351, 0.0231, 0.0488)),
            Check(new SafetyCheckSpec { Id = "safety.high_income", Title = "high-income applicants keep their acceptance", Set = "high_income", Description = "income >= 6", NegativeFlipsAtMost = 0 }, Verdict.Skipped,
                "negative flips ≤ 0", "no baseline model: flips compare two models"),
        ];

        var result = new GateResult
        {
            Passed = true,
            Task = TaskKind.Binary,
            Rows = Rows,
            HasBaseline = false,
            Statistics = new StatisticsOptions(),
            Checks = checks,
            Headline =
            [
                new MetricComparison("roc_auc", Est(0.9841, 0.9712, 0.9937), null, null),
                new MetricComparison("accuracy", Est(0.9747, 0.9541, 0.9862), null, null),
                new MetricComparison("brier", Est(0.0351, 0.0231, 0.0488), null, null),
            ],
            Calibration = [new CalibrationCurve("ece", Bins((71, 0.03, 0.0141), (9, 0.15, 0.1111), (4, 0.24, 0.25), (2, 0.37, 0.5), (3, 0.45, 0.3333), (2, 0.56, 0.5), (3, 0.66, 0.6667), (5, 0.74, 0.8), (12, 0.86, 0.9167), (285, 0.99, 0.9965)), null)],
            Groups =
            [
                Group("owner", "no", 222, "accuracy", Est(0.9685, 0.9364, 0.9847)),
                Group("owner", "yes", 174, "accuracy", Est(0.9828, 0.9506, 0.9941)),
                Group("selfemp", "yes", 27, "accuracy", Est(0.9630, 0.8172, 0.9934)),
                Group("selfemp", "no", 369, "accuracy", Est(0.9756, 0.9542, 0.9871)),
            ],
        };
        var ctx = Context("credit-card-v1", Provenance("credit_card", Rows, 923, baseline: false)) with
        {
            RocCurves = [Roc("candidate", "yes", 0.0162)],
        };
        return new Scenario("no-baseline", result, ctx);
    }
}
