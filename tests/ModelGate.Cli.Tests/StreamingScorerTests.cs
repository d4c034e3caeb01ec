using System.Reflection;
using ModelGate.Core;
using ModelGate.Data;
using ModelGate.Engine;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;
using ModelGate.Policy;

namespace ModelGate.Cli.Tests;

public sealed class StreamingScorerTests
{
    public static TheoryData<string, int, int, bool> Examples()
    {
        var data = new TheoryData<string, int, int, bool>();
        foreach (var example in new[] { "breast-cancer", "arrests-fairness", "digits-calibration", "hmda-safety", "slid-regression", "digits-images", "debian-text" })
        {
            data.Add(example, StreamingScorer.DefaultChunkRows, SessionSettings.DefaultBatchSize, false); // every column kept
            data.Add(example, StreamingScorer.DefaultChunkRows, SessionSettings.DefaultBatchSize, true);  // as the check runs it
            data.Add(example, 100, 32, true); // many chunks, several batches per chunk
            data.Add(example, 7, 3, true);    // chunk size rounds up to whole batches
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Streaming_gives_the_same_holdout_and_scores_as_reading_then_scoring(string example, int chunkRows, int batchSize, bool keepAfterScoring)
    {
        var policy = PolicyLoader.Load(RepoPaths.Example(example, "modelgate.yml"), new DateOnly(2026, 11, 22)).GetPolicyOrThrow();
        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { BaseDirectory = AppContext.BaseDirectory });
        var settings = new SessionSettings { BatchSize = batchSize };
        using var candidate = runtime.LoadModel(policy.Models.Candidate, settings);
        using var baseline = policy.Models.Baseline is null ? null : runtime.LoadModel(policy.Models.Baseline, settings);
        var header = HoldoutReader.ReadColumnNames(policy.Data.Holdout);
        var inputs = ModelInputPlan.For(policy.Data, candidate.Signature, header, policy.Data.Holdout);
        var needed = HoldoutColumnsNeeded.For(policy, header, inputs);
        var options = needed.ToReadOptions(policy);
        var request = new ScoreRequest { Task = policy.Task, OutputName = policy.Models.Output, Kind = policy.Task == TaskKind.Regression ? ScoreKind.Regression : null };

        var expected = HoldoutReader.Read(policy.Data.Holdout, options);
        var modelInputs = inputs.Select(i => i.ToModelInput(expected)).ToList();
        var expectedCandidate = candidate.Score(candidate.Prepare(modelInputs), request);
        var expectedBaseline = baseline?.Score(baseline.Prepare(modelInputs), request);

        var streamed = await new StreamingScorer(candidate, baseline, inputs, request)
            {
                ChunkRows = chunkRows,
                KeepAfterScoring = keepAfterScoring ? needed.AfterScoring : null,
            }
            .ScoreAsync(policy.Data.Holdout, options, CancellationToken.None);

        var kept = keepAfterScoring ? [.. expected.Columns.Where(needed.AfterScoring.Contains)] : expected.Columns;
        AssertSameHoldout(expected, streamed.Holdout, kept);
        Assert.Equal(expected.Columns.Count, streamed.ColumnsRead);
        if (keepAfterScoring)
        {
            // Only what the checks and the report read after scoring stays: the label, never a feature only the models read.
            Assert.Contains(policy.Data.Label, streamed.Holdout.Columns);
            Assert.DoesNotContain(needed.Features.Except(needed.AfterScoring, StringComparer.Ordinal), streamed.Holdout.Columns.Contains);
        }

        AssertSameScores(expectedCandidate, streamed.Candidate);
        Assert.Equal(expectedBaseline is null, streamed.Baseline is null);
        if (expectedBaseline is not null)
        {
            AssertSameScores(expectedBaseline, streamed.Baseline!);
        }

        var expectedChunks = (int)Math.Ceiling(expected.RowCount / (double)((chunkRows + batchSize - 1) / batchSize * batchSize));
        Assert.Equal(expectedChunks, streamed.Timings.Chunks);
        Assert.Equal(Math.Min(expected.RowCount, (chunkRows + batchSize - 1) / batchSize * batchSize), streamed.CandidateSample.RowCount);
    }

    [Fact]
    public void After_scoring_the_holdout_keeps_label_slices_filters_and_report_columns_but_not_model_only_features()
    {
        var policy = PolicyLoader.Load(RepoPaths.Example("hmda-safety", "modelgate.yml"), new DateOnly(2026, 11, 22)).GetPolicyOrThrow();
        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { BaseDirectory = AppContext.BaseDirectory });
        using var candidate = runtime.LoadModel(policy.Models.Candidate, new SessionSettings());
        var header = HoldoutReader.ReadColumnNames(policy.Data.Holdout);
        var inputs = ModelInputPlan.For(policy.Data, candidate.Signature, header, policy.Data.Holdout);

        var needed = HoldoutColumnsNeeded.For(policy, header, inputs);

        // label, slice, the safety filter (insurance, and chist: a feature too), report.show_columns (features pirat, hirat, lvrat).
        Assert.Equal(["afam", "chist", "deny", "hirat", "insurance", "lvrat", "pirat"], needed.AfterScoring.Order(StringComparer.Ordinal));
        Assert.Equal(needed.Features.Count + 3, needed.Columns.Count);
    }

    [Fact]
    public async Task A_missing_feature_in_a_later_chunk_fails_with_the_same_holdout_error_as_reading_whole()
    {
        var source = File.ReadAllLines(RepoPaths.Fixture("data", "breast_cancer.holdout.csv"));
        var lines = source.ToArray();
        var cells = lines[150].Split(',');
        cells[3] = string.Empty;
        lines[150] = string.Join(',', cells);
        using var temp = new TempFolder("streaming");
        var file = temp.File("holdout.csv");
        await File.WriteAllLinesAsync(file, lines);
        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { BaseDirectory = AppContext.BaseDirectory });
        using var model = runtime.LoadModel(RepoPaths.Model("mlp_breast_cancer"), new SessionSettings { BatchSize = 16 });
        var features = source[0].Split(',').Where(c => c != "target").ToList();
        var plan = new ModelInputPlan(model.Signature.Inputs[0].Name, features, ModelGate.Onnx.Inputs.InputLayout.Dense, [], false);
        var options = new HoldoutReadOptions { Features = features };

        var whole = Assert.Throws<HoldoutException>(() => HoldoutReader.Read(file, options));
        var streamed = await Assert.ThrowsAsync<HoldoutException>(() =>
            new StreamingScorer(model, model, [plan], new ScoreRequest()) { ChunkRows = 32 }.ScoreAsync(file, options, CancellationToken.None));

        Assert.Equal(whole.Message, streamed.Message);
        Assert.Contains("line 151", streamed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_the_stream()
    {
        var policy = PolicyLoader.Load(RepoPaths.Example("breast-cancer", "modelgate.yml"), new DateOnly(2026, 11, 22)).GetPolicyOrThrow();
        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { BaseDirectory = AppContext.BaseDirectory });
        using var candidate = runtime.LoadModel(policy.Models.Candidate, new SessionSettings { BatchSize = 4 });
        var header = HoldoutReader.ReadColumnNames(policy.Data.Holdout);
        var inputs = ModelInputPlan.For(policy.Data, candidate.Signature, header, policy.Data.Holdout);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new StreamingScorer(candidate, null, inputs, new ScoreRequest()) { ChunkRows = 8 }
                .ScoreAsync(policy.Data.Holdout, HoldoutColumnsNeeded.For(policy, header, inputs).ToReadOptions(policy), cancelled.Token));
    }

    private static void AssertSameHoldout(Holdout expected, Holdout actual, IReadOnlyList<string> kept)
    {
        Assert.Equal(expected.Sha256, actual.Sha256);
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.RowsInFile, actual.RowsInFile);
        Assert.Equal(expected.DroppedRows, actual.DroppedRows);
        Assert.Equal(expected.FirstDroppedLines, actual.FirstDroppedLines);
        Assert.Equal(kept, actual.Columns);
        Assert.Equal(expected.MissingCounts.OrderBy(p => p.Key, StringComparer.Ordinal), actual.MissingCounts.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.RowIds, actual.RowIds);
        for (var r = 0; r < expected.RowCount; r++)
        {
            Assert.Equal(expected.RowLine(r), actual.RowLine(r));
            Assert.Equal(expected.RowNumber(r), actual.RowNumber(r));
        }

        foreach (var name in kept)
        {
            var e = expected.Column(name);
            var a = actual.Column(name);
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.GetType(), a.GetType());
            Assert.Equal(e.ToText(), a.ToText());
            if (e.Kind != ColumnKind.Text)
            {
                Assert.Equal(Bits(e.ToDoubles()), Bits(a.ToDoubles()));
            }
        }
    }

    private static void AssertSameScores(ScoredPredictions expected, ScoredPredictions actual)
    {
        Assert.Equal(expected.OutputName, actual.OutputName);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Reason, actual.Reason);
        Assert.Equal(expected.ClassLabels, actual.ClassLabels);
        Assert.Equal(expected.LabelsOnly, actual.LabelsOnly);
        Assert.Equal(expected.Predictions.RowCount, actual.Predictions.RowCount);
        Assert.Equal(expected.Predictions.ClassCount, actual.Predictions.ClassCount);
        Assert.Equal(Bits(expected.Predictions.Scores), Bits(actual.Predictions.Scores));
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
