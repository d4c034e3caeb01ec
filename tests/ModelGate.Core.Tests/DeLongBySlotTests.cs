using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Statistics;

namespace ModelGate.Core.Tests;

/// <summary>
/// DeLong on every slot from one walk of each model's shared sorted order equals <see cref="DeLong.Paired"/> on each
/// slot's own copied rows, to 1e-12 relative: with heavy ties, rows in no group, a group with one positive (undefined)
/// and no baseline.
/// </summary>
public class DeLongBySlotTests
{
    [Theory]
    [InlineData(5_000, 7, 0)]
    [InlineData(5_000, 7, 2)]
    [InlineData(20_000, 40, 3)]
    [InlineData(3_000, 3, 6)]
    public void Every_slot_matches_Paired_on_its_own_rows(int rows, int groups, int decimals)
    {
        var random = new Random(rows + groups + decimals);
        var groupOf = new int[rows];
        var labels = new int[rows];
        var cs = new double[rows * 2];
        var bs = new double[rows * 2];
        for (var i = 0; i < rows; i++)
        {
            groupOf[i] = random.NextDouble() < 0.05 ? -1 : random.Next(groups);
            labels[i] = random.NextDouble() < 0.2 + (0.5 * groupOf[i] / groups) ? 1 : 0;
            if (groupOf[i] == groups - 1)
            {
                labels[i] = 0; // the last group: at most one positive, undefined
            }

            var shared = random.NextDouble();
            var pc = Round((0.3 * labels[i]) + (0.5 * shared) + (0.2 * random.NextDouble()), decimals);
            var pb = Round((0.2 * labels[i]) + (0.5 * shared) + (0.3 * random.NextDouble()), decimals);
            (cs[2 * i], cs[(2 * i) + 1]) = (1 - pc, pc);
            (bs[2 * i], bs[(2 * i) + 1]) = (1 - pb, pb);
        }

        labels[Array.IndexOf(groupOf, groups - 1)] = 1;
        var candidate = new ScoredModel(TaskKind.Binary, labels, new Predictions(cs, rows, 2));
        var baseline = new ScoredModel(TaskKind.Binary, [.. labels], new Predictions(bs, rows, 2));
        var slice = new SliceColumn("g", groupOf, Enumerable.Range(0, groups).Select(g => $"g{g}").ToArray());

        var paired = DeLong.PairedBySlot(candidate, baseline, groupOf, groups, overall: true);
        var alone = DeLong.PairedBySlot(candidate, null, groupOf, groups, overall: false);
        var errors = AnalyticIntervals.Compute(candidate, baseline, slice, new MetricRequest("roc_auc"))!;
        for (var slot = 0; slot <= groups; slot++)
        {
            var members = Enumerable.Range(0, rows).Where(i => slot == 0 || groupOf[i] == slot - 1).ToArray();
            var expected = DeLong.Paired(members.Select(i => labels[i]).ToArray(), members.Select(i => Positive(i, cs)).ToArray(), members.Select(i => Positive(i, bs)).ToArray());
            if (expected is not { } e)
            {
                Assert.Equal(groups, slot);
                Assert.True(double.IsNaN(paired.Candidate[slot]) && double.IsNaN(paired.Baseline[slot]) && double.IsNaN(paired.Delta[slot]));
                Assert.True(double.IsNaN(errors.Delta[slot]));
                continue;
            }

            Close(e.CandidateVariance, paired.Candidate[slot]);
            Close(e.BaselineVariance, paired.Baseline[slot]);
            Close(e.DeltaVariance, paired.Delta[slot]);
            Close(Math.Sqrt(e.DeltaVariance), errors.Delta[slot]);
            Close(Math.Sqrt(e.CandidateVariance), errors.Candidate[slot]);
            Assert.True(double.IsNaN(alone.Baseline[slot]) && double.IsNaN(alone.Delta[slot]));
            if (slot == 0)
            {
                Assert.True(double.IsNaN(alone.Candidate[0]));
            }
            else
            {
                Close(e.CandidateVariance, alone.Candidate[slot]);
            }
        }

        static double Positive(int i, double[] scores) => scores[(2 * i) + 1];
    }

    private static double Round(double x, int decimals) => decimals == 0 ? x : Math.Round(x, decimals);

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(Math.Abs(expected), 1e-300), $"expected {expected:R}, got {actual:R}");
}
