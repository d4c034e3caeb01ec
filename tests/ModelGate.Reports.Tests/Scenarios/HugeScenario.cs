using System.Globalization;
using ModelGate.Core;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using static ModelGate.Reports.Tests.Scenarios.Build;

namespace ModelGate.Reports.Tests.Scenarios;

/// <summary>A result far beyond a PR comment: hundreds of groups, many checks with long reasons, many flipped rows.</summary>
internal static class HugeScenario
{
    public static Scenario Create(int slices = 60, int groupsPerSlice = 10, int checks = 40, int reasonLength = 1500)
    {
        var inv = CultureInfo.InvariantCulture;
        var groups = new List<GroupResult>();
        for (var s = 0; s < slices; s++)
        {
            for (var g = 0; g < groupsPerSlice; g++)
            {
                var support = 5 + (((s * 31) + (g * 17)) % 400);
                var v = 0.6 + (((s * 7) + (g * 13)) % 37 / 100.0);
                groups.Add(Group($"slice_{s:D2}", $"group | <b>{g}</b> `x` with a rather long name {s * g}", support, g % 2 == 0 ? "recall" : "precision",
                    Est(v, v - 0.05, Math.Min(1, v + 0.05)), Est(v + 0.01, v - 0.04, Math.Min(1, v + 0.06)), Est(-0.01, -0.05, 0.03), 0.5, Verdict.Pass));
            }
        }

        var longReason = string.Concat(Enumerable.Repeat("the interval straddles the bound | <details> ``` ", reasonLength / 50));
        var list = new List<CheckResult>();
        for (var i = 0; i < checks; i++)
        {
            var spec = new SubgroupCheckSpec { Id = $"subgroups.check_{i:D2}", Title = $"Subgroup check {i}", Slices = ["slice_00"], Metric = "recall", WorstGroup = new Bound(AtLeast: 0.5) };
            list.Add(Check(spec, i % 3 == 0 ? Verdict.Fail : Verdict.Inconclusive, "worst group ≥ 0.5", $"check {i.ToString(inv)}: {longReason}", Est(0.61, 0.55, 0.67), Est(0.62, 0.56, 0.68), Est(-0.01, -0.05, 0.03)) with { Groups = groups.Take(20).ToList() });
        }

        var flipIds = Enumerable.Range(0, 200).Select(i => $"row-{i:D5}").ToList();
        list.Add(Check(new SafetyCheckSpec { Id = "safety.big", Title = "big safety set", Set = "big", NegativeFlipsAtMost = 0 }, Verdict.Fail, "negative flips ≤ 0", "200 negative flips") with
        {
            Flips = new FlipSummary { Rows = 5000, NegativeFlips = 200, PositiveFlips = 150, CandidateErrors = 900, NegativeFlipRowIds = flipIds, NegativeFlipRows = Enumerable.Range(0, 200).ToList() },
        });

        var bins = Bins(Enumerable.Range(0, 15).Select(i => (100 + i, (i + 0.5) / 15, (i + 0.3) / 15)).ToArray());
        var result = new GateResult
        {
            Passed = false,
            Task = TaskKind.Binary,
            Rows = 50000,
            HasBaseline = true,
            Statistics = new StatisticsOptions(),
            Checks = list,
            Headline = [new MetricComparison("roc_auc", Est(0.8, 0.79, 0.81), Est(0.81, 0.8, 0.82), Est(-0.01, -0.02, 0))],
            Calibration = [new CalibrationCurve("ece", bins, bins)],
            Groups = groups,
            Flips = new FlipSummary { Rows = 50000, NegativeFlips = 800, PositiveFlips = 700, CandidateErrors = 5000, NegativeFlipRowIds = flipIds, NegativeFlipRows = Enumerable.Range(0, 200).ToList() },
        };
        var ctx = Context("huge", Provenance("huge", 50000, 100000)) with
        {
            FlippedRows = flipIds.Select(id => new RowFeatures(id, [new("age", "42"), new("note", "a | b <script>")])).ToList(),
        };
        return new Scenario("huge", result, ctx);
    }
}
