using System.Diagnostics;
using System.Globalization;
using ModelGate.Core;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Statistics;

namespace ModelGate.Benchmarks.Metrics;

/// <summary>
/// DeLong on every slot (the whole holdout and each group of one slice), old and new side by side (docs/scaling.md):
/// the old path copies each slot's rows and sorts them three times per model (<see cref="DeLong.Paired"/>); the new one
/// walks each model's shared sorted order once (<see cref="DeLong.PairedBySlot"/>). The shared sort is timed apart: the
/// gate pays it anyway for the ROC AUC point values. Prints each repetition, the medians and the largest relative
/// difference of the standard errors.
/// </summary>
public static class DeLongRun
{
    /// <summary>The command name.</summary>
    public const string Command = "delong";

    /// <summary>Runs <paramref name="repetitions"/> timed repetitions of each path on one synthetic holdout.</summary>
    public static void Execute(int rows, int groups, int repetitions)
    {
        var random = new Random(20261207);
        var groupOf = new int[rows];
        var labels = new int[rows];
        var cs = new double[rows * 2];
        var bs = new double[rows * 2];
        for (var i = 0; i < rows; i++)
        {
            // Uneven groups (the first ones largest), 2% of rows in none.
            var u = random.NextDouble();
            groupOf[i] = u < 0.02 ? -1 : (int)(groups * Math.Pow(random.NextDouble(), 1.5));
            labels[i] = random.NextDouble() < 0.3 ? 1 : 0;
            var shared = Normal(random);
            var pc = Math.Round(1 / (1 + Math.Exp(-((1.6 * (labels[i] - 0.5)) + shared + (0.7 * Normal(random))))), 6);
            var pb = Math.Round(1 / (1 + Math.Exp(-((1.4 * (labels[i] - 0.5)) + shared + (0.7 * Normal(random))))), 6);
            (cs[2 * i], cs[(2 * i) + 1]) = (1 - pc, pc);
            (bs[2 * i], bs[(2 * i) + 1]) = (1 - pb, pb);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows={rows} groups={groups} (+ overall) repetitions={repetitions}"));
        var oldTimes = new List<double>();
        var newTimes = new List<double>();
        var sortTimes = new List<double>();
        var worst = 0.0;
        for (var rep = 0; rep < repetitions; rep++)
        {
            // Fresh models each repetition, so the shared order is sorted (and timed) again.
            var candidate = new ScoredModel(TaskKind.Binary, labels, new Predictions(cs, rows, 2));
            var baseline = new ScoredModel(TaskKind.Binary, [.. labels], new Predictions(bs, rows, 2));
            var watch = Stopwatch.StartNew();
            _ = candidate.OrderRows(1);
            _ = baseline.OrderRows(1);
            sortTimes.Add(watch.Elapsed.TotalSeconds);

            watch.Restart();
            var oldErrors = Old(candidate, baseline, groupOf, groups);
            oldTimes.Add(watch.Elapsed.TotalSeconds);

            watch.Restart();
            var (varC, varB, varD) = DeLong.PairedBySlot(candidate, baseline, groupOf, groups, overall: true);
            newTimes.Add(watch.Elapsed.TotalSeconds);

            for (var s = 0; s <= groups; s++)
            {
                worst = Math.Max(worst, Relative(oldErrors[s].C, varC[s]));
                worst = Math.Max(worst, Relative(oldErrors[s].B, varB[s]));
                worst = Math.Max(worst, Relative(oldErrors[s].D, varD[s]));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rep {rep + 1}: old {oldTimes[^1]:F3} s  new {newTimes[^1]:F3} s  (shared sort of both models {sortTimes[^1]:F3} s)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median: old {Median(oldTimes):F3} s  new {Median(newTimes):F3} s  ratio {Median(oldTimes) / Median(newTimes):F1}x  shared sort {Median(sortTimes):F3} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"largest relative difference of the variances: {worst:E2}"));
    }

    /// <summary>The previous AnalyticIntervals.ByDeLong: each slot's rows copied, then <see cref="DeLong.Paired"/>.</summary>
    private static (double C, double B, double D)[] Old(ScoredModel candidate, ScoredModel baseline, int[] groupOf, int groups)
    {
        var slots = groups + 1;
        var members = new List<int>[slots];
        for (var slot = 0; slot < slots; slot++)
        {
            members[slot] = [];
        }

        for (var i = 0; i < candidate.RowCount; i++)
        {
            members[0].Add(i);
            if (groupOf[i] >= 0)
            {
                members[groupOf[i] + 1].Add(i);
            }
        }

        var result = new (double, double, double)[slots];
        for (var slot = 0; slot < slots; slot++)
        {
            var rows = members[slot];
            var labels = new int[rows.Count];
            var c = new double[rows.Count];
            var b = new double[rows.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                labels[r] = candidate.LabelsRows![rows[r]];
                c[r] = candidate.Probability(rows[r], 1);
                b[r] = baseline.Probability(rows[r], 1);
            }

            result[slot] = DeLong.Paired(labels, c, b) is { } p ? (p.CandidateVariance, p.BaselineVariance, p.DeltaVariance) : (double.NaN, double.NaN, double.NaN);
        }

        return result;
    }

    private static double Relative(double expected, double actual) =>
        double.IsNaN(expected) && double.IsNaN(actual) ? 0 : Math.Abs(expected - actual) / Math.Abs(expected);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
