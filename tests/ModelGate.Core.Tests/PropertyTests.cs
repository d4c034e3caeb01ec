using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Statistics;

namespace ModelGate.Core.Tests;

public class PropertyTests
{
    private static readonly string[] BinaryMetrics = [.. MetricCatalog.For(TaskKind.Binary).Select(m => m.Id)];

    [Fact]
    public void Roc_auc_and_average_precision_are_unchanged_by_a_monotone_transform_of_scores()
    {
        var c = ReferenceData.Case("tree_hmda");
        var model = ReferenceData.Model(c);
        var p = StatisticsReferenceTests.PositiveColumn(ReferenceData.Doubles(c.GetProperty("scores")));
        // logit then cube, rescaled into (0, 1): strictly increasing, so every tie and order is kept.
        var transformed = p.Select(v => 1 / (1 + Math.Exp(-Math.Pow(Math.Log(v / (1 - v)), 3) / 50))).ToArray();
        var other = new ScoredModel(TaskKind.Binary, [.. model.Labels!], new Predictions(transformed, transformed.Length, 1));
        foreach (var metric in new[] { "roc_auc", "average_precision" })
        {
            ReferenceData.Close(Metric.Compute(metric, model).Value, Metric.Compute(metric, other).Value, 1e-12, metric);
        }
    }

    [Fact]
    public void Every_metric_is_unchanged_by_row_order()
    {
        var c = ReferenceData.Case("per_column_arrests");
        var model = ReferenceData.Model(c);
        var n = model.RowCount;
        var permutation = Enumerable.Range(0, n).OrderBy(i => (i * 7919) % n).ToArray();
        var scores = new double[n * 2];
        var labels = new int[n];
        for (var j = 0; j < n; j++)
        {
            labels[j] = model.Labels![permutation[j]];
            scores[2 * j] = model.Probability(permutation[j], 0);
            scores[(2 * j) + 1] = model.Probability(permutation[j], 1);
        }

        var shuffled = new ScoredModel(TaskKind.Binary, labels, new Predictions(scores, n, 2));
        foreach (var metric in BinaryMetrics.Where(m => m != "ece_adaptive"))
        {
            ReferenceData.Close(Metric.Compute(metric, model).Value, Metric.Compute(metric, shuffled).Value, 1e-12, metric);
        }
    }

    [Fact]
    public void A_model_against_itself_has_exactly_zero_delta_with_a_zero_width_interval()
    {
        var model = ReferenceData.Model(ReferenceData.Case("mlp_breast_cancer"));
        var requests = BinaryMetrics.Select(m => new MetricRequest(m)).ToArray();
        var sets = new[] { new MetricSet(model, requests), new MetricSet(model, requests) };
        var replicates = PairedBootstrap.Run(sets, 200, 42);
        for (var r = 0; r < requests.Length; r++)
        {
            var a = replicates.Of(0, r);
            var b = replicates.Of(1, r);
            var deltas = new double[a.Length];
            for (var i = 0; i < a.Length; i++)
            {
                deltas[i] = a[i] - b[i];
            }

            var interval = Percentile.Interval(deltas, 0.95);
            Assert.True(interval is null || (interval.Value.Lower == 0 && interval.Value.Upper == 0), requests[r].Metric);
        }
    }

    [Theory]
    [InlineData("tree_hmda")]
    [InlineData("cnn_digits")]
    public void Eight_resamples_per_pass_give_the_same_bits_as_one_at_a_time(string caseName)
    {
        // Two models over the same rows (the second a monotone-broken copy, so its orders differ), every metric of the
        // task (average precision takes the one-at-a-time path inside a block), overall and per slice group (one group
        // empty, some rows in no group), and 37 resamples: four full blocks and a partial one.
        var c = ReferenceData.Case(caseName);
        var candidate = ReferenceData.Model(c);
        var k = candidate.Predictions.ClassCount;
        var scores = candidate.Predictions.Scores.ToArray();
        for (var i = 0; i < candidate.RowCount; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < k; j++)
            {
                scores[(i * k) + j] = Math.Pow(scores[(i * k) + j], 1 + (0.3 * ((i + j) % 3)));
                sum += scores[(i * k) + j];
            }

            for (var j = 0; j < k && k > 1; j++)
            {
                scores[(i * k) + j] /= sum;
            }
        }

        var baseline = new ScoredModel(candidate.Task, [.. candidate.Labels!], new Predictions(scores, candidate.RowCount, k), candidate.Threshold);
        var slice = new SliceColumn("g", [.. Enumerable.Range(0, candidate.RowCount).Select(i => i % 7 == 0 ? -1 : i % 3)], ["a", "b", "c", "empty"]);
        var all = MetricCatalog.For(candidate.Task).Select(m => new MetricRequest(m.Id)).ToArray();
        var requests = all.Where(r => r.Metric != "average_precision").ToArray();
        MetricSet[] Sets() =>
        [
            new MetricSet(candidate, requests), new MetricSet(baseline, requests), new MetricSet(candidate, requests, slice),
            new MetricSet(baseline, requests, slice), new MetricSet(candidate, [new MetricRequest("roc_auc")], slice),
            new MetricSet(baseline, all, slice), new MetricSet(candidate, [new MetricRequest("average_precision")], slice),
            new MetricSet(baseline, [new MetricRequest("average_precision"), new MetricRequest("roc_auc")]),
        ];

        Assert.True(Sets().All(s => s.Blockable), "every classification set has a block path");
        var blocks = PairedBootstrap.Run(Sets(), 37, 11, maxDegreeOfParallelism: 2);
        var single = PairedBootstrap.Run(Sets(), 37, 11, maxDegreeOfParallelism: 2, blocks: false);
        var sets = Sets();
        for (var s = 0; s < sets.Length; s++)
        {
            for (var o = 0; o < sets[s].OutputCount; o++)
            {
                var a = blocks.Of(s, o).ToArray();
                var b = single.Of(s, o).ToArray();
                for (var r = 0; r < a.Length; r++)
                {
                    Assert.True(
                        BitConverter.DoubleToInt64Bits(a[r]) == BitConverter.DoubleToInt64Bits(b[r]),
                        $"set {s}, output {o} ({sets[s].Requests[o % sets[s].Requests.Count].Metric}), resample {r}: {a[r]:R} vs {b[r]:R} (block path {(MetricSet.BlockSupported ? "on" : "not supported here")})");
                }
            }
        }
    }

    [Fact]
    public void Eight_resamples_per_pass_match_one_at_a_time_over_many_cache_tiles()
    {
        // 300,000 rows: the group AUC passes run tile by tile over 65,536 positions at a time, so this crosses tile
        // bounds (with ties straddling some: scores rounded to 1/4096), which the small reference cases never reach.
        const int Rows = 300_000;
        var random = new Random(5);
        var labels = new int[Rows];
        var candidate = new double[Rows * 2];
        var baseline = new double[Rows * 2];
        var groups = new int[Rows];
        var bands = new int[Rows];
        for (var i = 0; i < Rows; i++)
        {
            labels[i] = random.NextDouble() < 0.3 ? 1 : 0;
            var c = Math.Round(Math.Clamp((0.3 * labels[i]) + (0.7 * random.NextDouble()), 0, 1) * 4096) / 4096;
            var b = Math.Round(Math.Clamp((0.2 * labels[i]) + (0.8 * random.NextDouble()), 0, 1) * 4096) / 4096;
            (candidate[2 * i], candidate[(2 * i) + 1]) = (1 - c, c);
            (baseline[2 * i], baseline[(2 * i) + 1]) = (1 - b, b);
            groups[i] = random.Next(9) - 1;
            bands[i] = random.Next(3);
        }

        var models = new[] { new ScoredModel(TaskKind.Binary, labels, new Predictions(candidate, Rows, 2)), new ScoredModel(TaskKind.Binary, labels, new Predictions(baseline, Rows, 2)) };
        var slices = new[] { new SliceColumn("g", groups, [.. Enumerable.Range(0, 8).Select(g => "g" + g)]), new SliceColumn("band", bands, ["a", "b", "c"]) };
        MetricSet[] Sets() =>
        [
            .. models.Select(m => new MetricSet(m, [new MetricRequest("roc_auc"), new MetricRequest("accuracy")])),
            .. models.SelectMany(m => slices.Select(slice => new MetricSet(m, [new MetricRequest("roc_auc")], slice))),
        ];

        var blocks = PairedBootstrap.Run(Sets(), 12, 3);
        var single = PairedBootstrap.Run(Sets(), 12, 3, blocks: false);
        var sets = Sets();
        for (var s = 0; s < sets.Length; s++)
        {
            for (var o = 0; o < sets[s].OutputCount; o++)
            {
                Assert.True(blocks.Of(s, o).SequenceEqual(single.Of(s, o)), $"set {s}, output {o}");
            }
        }
    }

    [Theory]
    [InlineData("tree_hmda")]
    [InlineData("cnn_digits")]
    public void A_groups_metrics_equal_the_metrics_of_its_rows_alone(string caseName)
    {
        // Group slots (their ranked passes are cut out of the pass over all rows) against a model of the group's rows
        // only (passes sorted from scratch): every metric, with ties (the tree model) and one-vs-rest (digits), under
        // unit weights and under resample counts.
        var c = ReferenceData.Case(caseName);
        var model = ReferenceData.Model(c);
        var k = model.Predictions.ClassCount;
        var groupOf = Enumerable.Range(0, model.RowCount).Select(i => i % 5 == 0 ? -1 : i % 2).ToArray();
        var slice = new SliceColumn("g", groupOf, ["even", "odd"]);
        // Equal-mass calibration bins are fixed by the whole holdout, so a group's differ from its rows' own: left out.
        var requests = MetricCatalog.For(model.Task).Where(m => m.Id != "ece_adaptive").Select(m => new MetricRequest(m.Id)).ToArray();
        var sliced = new MetricSet(model, requests, slice);
        var counts = new byte[model.RowCount];
        ResampleWeights.Fill(9, 2, counts);
        foreach (var weights in new[] { Enumerable.Repeat((byte)1, model.RowCount).ToArray(), counts })
        {
            var all = Resampled(sliced, weights);
            for (var g = 0; g < 2; g++)
            {
                var rows = Enumerable.Range(0, model.RowCount).Where(i => groupOf[i] == g).ToArray();
                var scores = rows.SelectMany(i => model.Predictions.Scores.Skip(i * k).Take(k)).ToArray();
                var alone = new MetricSet(new ScoredModel(model.Task, [.. rows.Select(i => model.Labels![i])], new Predictions(scores, rows.Length, k), model.Threshold), requests);
                var expected = Resampled(alone, rows.Select(i => weights[i]).ToArray());
                for (var r = 0; r < requests.Length; r++)
                {
                    var got = all[((g + 1) * requests.Length) + r];
                    Assert.True(
                        (double.IsNaN(expected[r]) && double.IsNaN(got)) || Math.Abs(expected[r] - got) <= 1e-12 * Math.Max(1, Math.Abs(expected[r])),
                        $"group {g}, {requests[r].Metric}: {got:R} vs alone {expected[r]:R}");
                }
            }
        }
    }

    [Fact]
    public void Same_seed_gives_identical_replicates_with_one_thread_and_many()
    {
        var model = ReferenceData.Model(ReferenceData.Case("cnn_digits"));
        var requests = MetricCatalog.For(TaskKind.Multiclass).Select(m => new MetricRequest(m.Id)).ToArray();
        var one = PairedBootstrap.Run([new MetricSet(model, requests)], 64, 7, maxDegreeOfParallelism: 1);
        var many = PairedBootstrap.Run([new MetricSet(model, requests)], 64, 7, maxDegreeOfParallelism: 8);
        for (var r = 0; r < requests.Length; r++)
        {
            Assert.True(one.Of(0, r).SequenceEqual(many.Of(0, r)), requests[r].Metric);
        }

        var otherSeed = PairedBootstrap.Run([new MetricSet(model, requests)], 64, 8, maxDegreeOfParallelism: 1);
        Assert.False(one.Of(0, 0).SequenceEqual(otherSeed.Of(0, 0)));
    }

    [Theory]
    [InlineData("tree_hmda")]
    [InlineData("cnn_digits")]
    public void Byte_resample_counts_give_the_same_metrics_as_the_same_counts_as_doubles(string caseName)
    {
        var model = ReferenceData.Model(ReferenceData.Case(caseName));
        var requests = MetricCatalog.For(model.Task).Select(m => new MetricRequest(m.Id)).ToArray();
        var set = new MetricSet(model, requests);
        var counts = new byte[model.RowCount];
        var weights = new double[model.RowCount];
        ResampleWeights.Fill(5, 3, counts);
        ResampleWeights.Fill(5, 3, weights);
        Assert.Equal(counts.Select(c => (double)c), weights);
        var fromCounts = Resampled(set, counts);
        var fromWeights = Resampled(set, weights);
        for (var r = 0; r < requests.Length; r++)
        {
            ReferenceData.Close(fromWeights[r], fromCounts[r], 1e-12, requests[r].Metric);
        }
    }

    [Fact]
    public void Vectorised_byte_counts_equal_the_scalar_definition_for_every_length_and_seed()
    {
        // The byte path computes 32 rows per step (and falls back to scalar for blocks holding a count of 4 or more);
        // the double path is the scalar definition. Lengths cover the tails, seeds and resamples the counter.
        var lengths = Enumerable.Range(0, 140).Concat([1_000, 4_097, 65_535, 1_000_003]);
        foreach (var length in lengths)
        {
            foreach (var (seed, resample) in new[] { (1UL, 0), (20261122UL, 7), (ulong.MaxValue, 999) })
            {
                var counts = new byte[length];
                var reference = new double[length];
                ResampleWeights.Fill(seed, resample, counts);
                ResampleWeights.Fill(seed, resample, reference);
                for (var i = 0; i < length; i++)
                {
                    Assert.True(counts[i] == reference[i], $"length {length}, seed {seed}, resample {resample}, row {i}: {counts[i]} vs {reference[i]}");
                }
            }
        }
    }

    [Fact]
    public void Poisson_weights_have_mean_and_variance_one()
    {
        var counts = new double[200_000];
        ResampleWeights.Fill(1, 0, counts);
        var mean = counts.Average();
        var variance = counts.Select(c => (c - mean) * (c - mean)).Average();
        Assert.InRange(mean, 0.99, 1.01);
        Assert.InRange(variance, 0.98, 1.02);
        Assert.InRange(counts.Count(c => c == 0) / (double)counts.Length, 0.363, 0.373);
    }

    [Fact]
    public void Weighted_metrics_equal_metrics_on_rows_repeated_by_their_integer_weight()
    {
        var c = ReferenceData.Case("tree_hmda");
        var model = ReferenceData.Model(c);
        var weights = Enumerable.Range(0, model.RowCount).Select(i => (double)(i % 3)).ToArray();
        var rows = Enumerable.Range(0, model.RowCount).SelectMany(i => Enumerable.Repeat(i, (int)weights[i])).ToArray();
        var expanded = new ScoredModel(
            TaskKind.Binary,
            [.. rows.Select(i => model.Labels![i])],
            new Predictions([.. rows.SelectMany(i => new[] { model.Probability(i, 0), model.Probability(i, 1) })], rows.Length, 2));
        foreach (var metric in BinaryMetrics.Where(m => m != "ece_adaptive"))
        {
            ReferenceData.Close(Metric.Compute(metric, expanded).Value, Metric.Compute(metric, model, weights).Value, 1e-9, metric);
        }
    }

    [Fact]
    public void Undefined_cases_say_why_instead_of_returning_zero()
    {
        var oneClass = new ScoredModel(TaskKind.Binary, [1, 1, 1], new Predictions([0.2, 0.8, 0.6, 0.4, 0.9, 0.1], 3, 2));
        Assert.Contains("both classes", Metric.Compute("roc_auc", oneClass).UndefinedReason!, StringComparison.Ordinal);
        Assert.Contains("negative rows", Metric.Compute("specificity", oneClass).UndefinedReason!, StringComparison.Ordinal);

        var noPositivePredictions = new ScoredModel(TaskKind.Binary, [0, 1, 0], new Predictions([0.9, 0.1, 0.8, 0.2, 0.7, 0.3], 3, 2));
        Assert.Contains("no positive predictions", Metric.Compute("precision", noPositivePredictions).UndefinedReason!, StringComparison.Ordinal);
        Assert.Contains("single class", Metric.Compute("mcc", noPositivePredictions).UndefinedReason!, StringComparison.Ordinal);

        var slice = new SliceColumn("s", [0, 0, 0], ["a", "empty"]);
        var perGroup = Metric.PerGroup("accuracy", noPositivePredictions, slice);
        Assert.Equal("empty group", perGroup[1].UndefinedReason);

        var constant = new ScoredModel([2.0, 2.0, 2.0], new Predictions([1.0, 2.0, 3.0], 3, 1));
        Assert.Contains("same value", Metric.Compute("r2", constant).UndefinedReason!, StringComparison.Ordinal);
    }

    [Fact]
    public void Confusion_matrix_counts_true_by_predicted()
    {
        var model = new ScoredModel(TaskKind.Binary, [0, 1, 1, 0], new Predictions([0.9, 0.1, 0.3, 0.7, 0.6, 0.4, 0.2, 0.8], 4, 2));
        var matrix = Metric.ConfusionMatrix(model);
        Assert.Equal(1, matrix[0, 0]);
        Assert.Equal(1, matrix[0, 1]);
        Assert.Equal(1, matrix[1, 0]);
        Assert.Equal(1, matrix[1, 1]);
    }

    // The resampling path for one set of weights (NaN for undefined), with the canonical copy it reads.
    private static double[] Resampled<T>(MetricSet set, T[] weights)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var canonical = new T[set.NeedsCanonical ? weights.Length : 0];
        if (set.NeedsCanonical)
        {
            set.Model.ToCanonical<T>(weights, canonical);
        }

        var output = new double[set.OutputCount];
        set.Evaluate<T>(weights, canonical, output, null);
        return output;
    }
}
