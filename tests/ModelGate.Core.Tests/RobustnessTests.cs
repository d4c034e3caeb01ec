using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;
using ModelGate.Core.Robustness;
using ModelGate.Core.Verdicts;

namespace ModelGate.Core.Tests;

/// <summary>Perturbed copies (deterministic from the seed, independent of chunking), the per-row tally and the robustness judge.</summary>
public class RobustnessTests
{
    private static readonly FeatureFacts Age = new("age", 40, 2);
    private static readonly FeatureFacts Colour = new("colour", double.NaN, double.NaN, TextLevels: ["Black", "White"]);
    private static readonly FeatureFacts Code = new("code", 2, 1, NumberLevels: [1, 2, 3]);

    [Fact]
    public void The_same_seed_gives_the_same_copy_however_the_rows_are_chunked_and_another_seed_another()
    {
        var steps = Steps((PerturbationKind.Noise, 0.5), (PerturbationKind.Dropout, 0.2), (PerturbationKind.Swap, 0.3));
        var whole = Copy(steps, seed: 11, repeat: 0, chunks: [1000]);
        var chunked = Copy(steps, seed: 11, repeat: 0, chunks: [1, 299, 700]);
        var again = Copy(steps, seed: 11, repeat: 0, chunks: [1000]);
        var otherRepeat = Copy(steps, seed: 11, repeat: 1, chunks: [1000]);
        var otherSeed = Copy(steps, seed: 12, repeat: 0, chunks: [1000]);

        Assert.Equal(whole.Age, chunked.Age);
        Assert.Equal(whole.Colour, chunked.Colour);
        Assert.Equal(whole.Code, chunked.Code);
        Assert.Equal(whole.Age, again.Age);
        Assert.NotEqual(whole.Age, otherRepeat.Age);
        Assert.NotEqual(whole.Age, otherSeed.Age);
    }

    [Fact]
    public void Noise_has_the_scaled_standard_deviation_dropout_and_swaps_their_rates()
    {
        const int Rows = 100_000;
        var noise = Copy(Steps((PerturbationKind.Noise, 0.5)), 3, 0, [Rows]);
        var moved = noise.Age.Select(a => a - 40).ToArray();
        Assert.InRange(moved.Average(), -0.02, 0.02);
        Assert.InRange(Math.Sqrt(moved.Select(m => m * m).Average()), 0.99, 1.01); // 0.5 SD × SD 2 = 1

        var dropout = Copy(Steps((PerturbationKind.Dropout, 0.2)), 3, 0, [Rows], start: 41);
        Assert.InRange(dropout.Age.Count(a => a == 40) / (double)Rows, 0.195, 0.205);

        var swap = Copy(Steps((PerturbationKind.Swap, 0.3)), 3, 0, [Rows]);
        Assert.InRange(swap.Colour.Count(c => c == "White") / (double)Rows, 0.295, 0.305);
        var codes = swap.Code.Where(c => c != 2).ToList();
        Assert.InRange(codes.Count / (double)Rows, 0.295, 0.305);
        Assert.InRange(codes.Count(c => c == 1) / (double)codes.Count, 0.49, 0.51); // the other two levels, evenly
    }

    [Fact]
    public void The_tally_counts_flips_per_row_and_the_loss_change_over_copies()
    {
        int[] labels = [1, 0, 1, 1];
        var before = Binary(0.9, 0.2, 0.6, 0.4);
        var tally = new PerturbationTally(TaskKind.Binary, labels, null, before, 0.5, double.NaN);
        tally.Add(Binary(0.8, 0.7, 0.4, 0.4));   // rows 1 and 2 flip: row 1 becomes wrong, row 2 too
        tally.Add(Binary(0.9, 0.2, 0.3, 0.6));   // rows 2 and 3 flip: row 2 wrong, row 3 becomes right (it was wrong)

        var r = tally.Result();

        Assert.Equal([0, 0.5, 1, 0.5], r.FlipShare);
        Assert.Equal([0, 0.5, 1, -0.5], r.LossChange);
        Assert.Equal(0.25, r.UnperturbedLoss);
        Assert.Equal(2, r.Repeats);
    }

    [Fact]
    public void A_regression_prediction_flips_when_it_moves_beyond_the_tolerance()
    {
        var tally = new PerturbationTally(TaskKind.Regression, null, [1, 2], new Predictions([1.5, 2], 2, 1), 0.5, 0.25);
        tally.Add(new Predictions([1.7, 2.5], 2, 1));

        var r = tally.Result();

        Assert.Equal([0, 1], r.FlipShare);
        Assert.Equal([0.2, 0.5], r.LossChange.Select(v => Math.Round(v, 12)));
        Assert.Equal(0.25, r.UnperturbedLoss);
    }

    [Fact]
    public void The_per_row_mean_interval_matches_scipy()
    {
        // /usr/bin/python3: m = v.mean(); h = scipy.stats.norm.ppf(0.975) * v.std(ddof=1) / sqrt(len(v))
        var e = RobustnessJudge.MeanEstimate([0, 1, 1, 0, 1, 0.5, 0, 0, 0.25, 0], 0.95);

        Assert.Equal(0.375, e.Value, 12);
        Assert.Equal(0.08975583798070325, e.Interval!.Value.Lower, 12);
        Assert.Equal(0.6602441620192967, e.Interval!.Value.Upper, 12);
    }

    [Fact]
    public void A_candidate_that_flips_far_more_than_the_baseline_fails_every_bound_and_the_worst_group_is_named()
    {
        var data = GateData.BreastCancer("mlp_breast_cancer_retrained");
        var n = data.RowCount;
        var sample = new RobustnessSample(
            new PerturbedRows([.. Enumerable.Range(0, n).Select(i => i % 4 == 0 ? 1.0 : 0)], [.. Enumerable.Range(0, n).Select(i => i % 4 == 0 ? 0.5 : 0)], [.. Enumerable.Repeat(0.02, n)], 5),
            new PerturbedRows(new double[n], new double[n], [.. Enumerable.Repeat(0.03, n)], 5),
            "train",
            double.NaN);
        var slice = new SliceColumn("parity", [.. Enumerable.Range(0, n).Select(i => i % 2)], ["even", "odd"]);
        var spec = new RobustnessCheckSpec
        {
            Id = "robustness",
            Title = "Robustness",
            Perturbations = [new Perturbation(PerturbationKind.Noise, 0.1, [])],
            FlipRateAtMost = 0.05,
            MetricDropAtMost = 0.01,
            BaselineMargin = 0.02,
        };

        var c = GateEvaluator.Evaluate(GateData.Plan(spec), data with { Robustness = new Dictionary<string, RobustnessSample> { ["robustness"] = sample }, Slices = new Dictionary<string, SliceColumn> { ["parity"] = slice } }, GateData.Today)
            .Judged().Single();

        Assert.Equal(Verdict.Fail, c.Verdict);
        var f = c.Robustness!;
        Assert.Equal(Enumerable.Range(0, n).Count(i => i % 4 == 0) / (double)n, f.Candidate.FlipRate.Value, 12);
        Assert.Equal(0, f.Baseline!.FlipRate.Value);
        Assert.Equal(0.98, f.Candidate.Unperturbed, 12);
        Assert.Equal(f.Candidate.Unperturbed - f.Candidate.Drop.Value, f.Candidate.Perturbed, 12);
        Assert.Equal("even", f.WorstGroups[0].Group);
        Assert.Equal(0, f.WorstGroups[1].CandidateFlipRate);
        Assert.Contains("of predictions flip (baseline 0%)", c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_perturbed_copies_the_check_cannot_be_computed_and_says_why()
    {
        var spec = new RobustnessCheckSpec { Id = "robustness", Title = "Robustness", Perturbations = [new Perturbation(PerturbationKind.Noise, 0.1, [])], FlipRateAtMost = 0.05 };

        var c = GateEvaluator.Evaluate(GateData.Plan(spec), GateData.BreastCancer("mlp_breast_cancer", null), GateData.Today).Judged().Single();

        Assert.Equal(Verdict.Inconclusive, c.Verdict);
        Assert.True(c.Uncomputable);
        Assert.Contains("score files", c.Reason, StringComparison.Ordinal);
    }

    private static Predictions Binary(params double[] positive) =>
        new([.. positive.SelectMany(p => new[] { 1 - p, p })], positive.Length, 2);

    private static List<ResolvedPerturbation> Steps(params (PerturbationKind Kind, double Amount)[] steps) =>
        [.. steps.Select(s => new ResolvedPerturbation(new Perturbation(s.Kind, s.Amount, []), s.Kind == PerturbationKind.Swap ? [Colour, Code] : [Age]))];

    private static (double[] Age, string?[] Colour, double[] Code) Copy(List<ResolvedPerturbation> steps, int seed, int repeat, int[] chunks, double start = 40)
    {
        var perturber = new Perturber(steps, seed, repeat);
        var age = new List<double>();
        var colour = new List<string?>();
        var code = new List<double>();
        foreach (var rows in chunks)
        {
            var numbers = new Dictionary<string, double[]> { ["age"] = Enumerable.Repeat(start, rows).ToArray(), ["code"] = Enumerable.Repeat(2.0, rows).ToArray() };
            var texts = new Dictionary<string, string?[]> { ["colour"] = Enumerable.Repeat<string?>("Black", rows).ToArray() };
            perturber.Apply(rows, numbers, texts);
            age.AddRange(numbers["age"]);
            code.AddRange(numbers["code"]);
            colour.AddRange(texts["colour"]);
        }

        return ([.. age], [.. colour], [.. code]);
    }
}
