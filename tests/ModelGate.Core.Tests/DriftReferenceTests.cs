using System.Globalization;
using System.Text.Json;
using ModelGate.Core.Drift;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;
using ModelGate.Core.Statistics;
using ModelGate.Core.Verdicts;

namespace ModelGate.Core.Tests;

/// <summary>Drift statistics against scipy/numpy values written by reference/make_drift_reference.py.</summary>
public class DriftReferenceTests
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Path("tests", "ModelGate.Core.Tests", "reference", "drift_reference.json"))).RootElement);

    private static int Bins => Reference.Value.GetProperty("bins").GetInt32();

    [Fact]
    public void Numeric_statistics_match_scipy()
    {
        foreach (var c in Reference.Value.GetProperty("numeric").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString();
            var reference = ReferenceData.Doubles(c.GetProperty("reference"));
            var holdout = ReferenceData.Doubles(c.GetProperty("holdout"));
            var drift = DriftMeasures.Numeric(name!, reference, holdout, Bins)!;
            ReferenceData.Close(c.GetProperty("ks_statistic").GetDouble(), drift.Statistic, 1e-12, $"{name} KS D");
            ReferenceData.Close(c.GetProperty("ks_p_value").GetDouble(), drift.PValue, 1e-9, $"{name} KS p");
            ReferenceData.Close(c.GetProperty("wasserstein").GetDouble(), drift.Wasserstein!.Value, 1e-9, $"{name} Wasserstein");
            ReferenceData.Close(c.GetProperty("psi").GetDouble(), drift.Psi, 1e-9, $"{name} PSI");
        }
    }

    [Fact]
    public void Categorical_statistics_match_scipy()
    {
        foreach (var c in Reference.Value.GetProperty("categorical").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            var sample = new FeatureSample(name, null, null, ReferenceData.Strings(c.GetProperty("reference")), ReferenceData.Strings(c.GetProperty("holdout")));
            var drift = DriftMeasures.Of(sample, Bins)!;
            Assert.True(drift.Categorical);
            ReferenceData.Close(c.GetProperty("chi_square").GetDouble(), drift.Statistic, 1e-9, $"{name} chi2");
            ReferenceData.Close(c.GetProperty("chi_square_p_value").GetDouble(), drift.PValue, 1e-9, $"{name} chi2 p");
            ReferenceData.Close(c.GetProperty("jensen_shannon").GetDouble(), drift.JensenShannon!.Value, 1e-9, $"{name} JS");
            ReferenceData.Close(c.GetProperty("psi").GetDouble(), drift.Psi, 1e-9, $"{name} PSI");
        }
    }

    [Fact]
    public void Kolmogorov_survival_matches_scipy_special()
    {
        foreach (var c in Reference.Value.GetProperty("kolmogorov").EnumerateArray())
        {
            var x = c.GetProperty("x").GetDouble();
            ReferenceData.Close(c.GetProperty("survival").GetDouble(), KolmogorovSmirnov.KolmogorovSurvival(x), 1e-9, $"K({x})");
        }
    }

    [Fact]
    public void Holm_and_Benjamini_Hochberg_match_p_adjust()
    {
        var adjust = Reference.Value.GetProperty("adjust");
        var p = ReferenceData.Doubles(adjust.GetProperty("p"));
        var holm = Holm.Adjust(p);
        var bh = BenjaminiHochberg.Adjust(p);
        var expectedHolm = ReferenceData.Doubles(adjust.GetProperty("holm"));
        var expectedBh = ReferenceData.Doubles(adjust.GetProperty("benjamini_hochberg"));
        for (var i = 0; i < p.Length; i++)
        {
            ReferenceData.Close(expectedHolm[i], holm[i], 1e-12, $"holm[{i}]");
            ReferenceData.Close(expectedBh[i], bh[i], 1e-12, $"bh[{i}]");
        }
    }

    [Fact]
    public void A_feature_shifted_by_half_a_standard_deviation_is_flagged_and_no_other()
    {
        var (names, columns) = BreastCancerFeatures();
        var shifted = Array.IndexOf(names, "mean_texture");
        var holdout = columns.Select((c, j) => j == shifted ? Shift(c, 0.5 * StandardDeviation(c)) : c).ToArray();
        var result = Judge(names, columns, holdout);
        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.Equal(["mean_texture"], result.Drift.Where(f => f.Drifted).Select(f => f.Feature));
    }

    [Fact]
    public void An_unshifted_resample_is_not_flagged_in_at_least_95_percent_of_seeds()
    {
        var (names, columns) = BreastCancerFeatures();
        var rows = columns[0].Length;
        const int Seeds = 200;
        var flagged = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var random = new Random(seed);
            var pick = Enumerable.Range(0, rows).Select(_ => random.Next(rows)).ToArray();
            var resample = columns.Select(c => pick.Select(i => c[i]).ToArray()).ToArray();
            if (Judge(names, columns, resample).Drift.Any(f => f.Drifted))
            {
                flagged++;
            }
        }

        // docs/statistics.md records the measured rate (5 of 200 splits flagged when written).(0 of 200 seeds flagged when written).
        Assert.True(flagged <= Seeds * 0.05, $"{flagged} of {Seeds} resamples flagged");
    }

    [Fact]
    public void Random_splits_of_the_pooled_data_are_flagged_in_at_most_5_percent_of_seeds()
    {
        // Independent samples from one population: train and holdout pooled, then split 398 / 171 again per seed.
        var (names, holdout) = BreastCancerFeatures("holdout");
        var (_, train) = BreastCancerFeatures("train");
        var pooled = holdout.Select((c, j) => c.Concat(train[j]).ToArray()).ToArray();
        var rows = pooled[0].Length;
        const int Seeds = 200;
        var flagged = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var order = Enumerable.Range(0, rows).OrderBy(_ => 0).ToArray();
            new Random(seed).Shuffle(order);
            var reference = pooled.Select(c => order[..train[0].Length].Select(i => c[i]).ToArray()).ToArray();
            var sample = pooled.Select(c => order[train[0].Length..].Select(i => c[i]).ToArray()).ToArray();
            if (Judge(names, reference, sample).Drift.Any(f => f.Drifted))
            {
                flagged++;
            }
        }

        // docs/statistics.md records the measured rate (5 of 200 splits flagged when written).
        Assert.True(flagged <= Seeds * 0.05, $"{flagged} of {Seeds} splits flagged");
    }

    private static Results.CheckResult Judge(string[] names, double[][] reference, double[][] holdout)
    {
        var spec = new DriftCheckSpec { Id = "drift", Title = "drift", DriftedShareAtMost = 0 };
        var data = GateData.BreastCancer("mlp_breast_cancer", null) with
        {
            DriftFeatures = new Dictionary<string, IReadOnlyList<FeatureSample>>
            {
                ["drift"] = [.. names.Select((n, j) => new FeatureSample(n, reference[j], holdout[j]))],
            },
        };
        var result = GateEvaluator.Evaluate(GateData.Plan(spec) with { Statistics = new StatisticsOptions(Resamples: 0) }, data, GateData.Today);
        return result.Judged().Single();
    }

    private static (string[] Names, double[][] Columns) BreastCancerFeatures(string part = "holdout")
    {
        var lines = File.ReadAllLines(RepoPaths.Path("tests", "fixtures", "data", $"breast_cancer.{part}.csv"));
        var header = lines[0].Split(',');
        var features = header.Length - 1;
        var columns = Enumerable.Range(0, features)
            .Select(j => lines.Skip(1).Select(l => double.Parse(l.Split(',')[j], CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return (header[..features], columns);
    }

    private static double[] Shift(double[] values, double by) => [.. values.Select(v => v + by)];

    private static double StandardDeviation(double[] v)
    {
        var mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }
}
