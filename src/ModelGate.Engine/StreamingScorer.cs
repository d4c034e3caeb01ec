using System.Diagnostics;
using System.Threading.Channels;
using ModelGate.Core.Plan;
using ModelGate.Data;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Engine;

/// <summary>
/// Reads the holdout chunk by chunk while the candidate and the baseline score earlier chunks: reading, building the
/// model inputs (decoding images, encoding texts), candidate, baseline and assembly are five stages joined by bounded channels, so the slowest stage sets the pace and at most
/// a few chunks of model inputs are alive at once. Once a chunk's model inputs are built, it keeps only the columns
/// named in <see cref="KeepAfterScoring"/>: those and the scores are all that grow with the file.
/// Chunks are whole multiples of the batch size, so every model call sees exactly the rows it would see in one pass:
/// the holdout and the scores are identical to reading everything first and scoring it afterwards.
/// </summary>
internal sealed class StreamingScorer
{
    /// <summary>Rows per chunk before rounding up to a whole number of batches.</summary>
    public const int DefaultChunkRows = 65_536;

    /// <summary>The image and text values one chunk may hold (8 Mi values, 64 MiB as float64).</summary>
    public const long MaxComputedValues = 8L * 1024 * 1024;

    // Two chunks in flight between stages: enough to absorb jitter, small enough to bound memory.
    private const int ChannelCapacity = 2;

    private readonly OnnxModel candidate;
    private readonly OnnxModel? baseline;
    private readonly IReadOnlyList<ModelInputPlan> inputs;
    private readonly ScoreRequest request;
    private readonly ScoreRequest final;

    /// <summary>Scores with <paramref name="candidate"/> and, when given, <paramref name="baseline"/>, feeding them by <paramref name="inputs"/>.</summary>
    public StreamingScorer(OnnxModel candidate, OnnxModel? baseline, IReadOnlyList<ModelInputPlan> inputs, ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(request);
        this.candidate = candidate;
        this.baseline = baseline;
        this.inputs = inputs;
        // Chunks keep their raw numbers; what they are (probabilities, log-probabilities, logits) is decided once, on all rows.
        this.request = request with { Deferred = true };
        this.final = request;
    }

    /// <summary>Rows per chunk before rounding to whole batches (tests make it small to force many chunks).</summary>
    public int ChunkRows { get; init; } = DefaultChunkRows;

    /// <summary>How the baseline's inputs are fed when they differ from the candidate's (other input names); null = as the candidate's.</summary>
    public IReadOnlyList<ModelInputPlan>? BaselineInputs { get; init; }

    /// <summary>The first chunk holds at least this many rows (if the file has them), e.g. the largest latency batch size.</summary>
    public int MinimumFirstChunkRows { get; init; }

    /// <summary>
    /// The columns the holdout keeps once the models have their inputs (<see cref="HoldoutColumnsNeeded.AfterScoring"/>);
    /// null keeps every column read. Features only the models read are then let go chunk by chunk.
    /// </summary>
    public IReadOnlyCollection<string>? KeepAfterScoring { get; init; }

    /// <summary>
    /// Only the rows of this shard reach the models (<c>modelgate score --shard</c>); null scores every row. The others are
    /// read (the holdout's hash covers the whole file) and let go with their chunk.
    /// </summary>
    public Data.Scores.Shard? Shard { get; init; }

    /// <summary>
    /// Changes each chunk before its model inputs are built (a robustness check's perturbed copy); null feeds the chunk as
    /// read. It is called from one stage, chunk after chunk in file order, and the holdout keeps the chunk as read.
    /// </summary>
    public Func<HoldoutChunk, HoldoutChunk>? Perturb { get; init; }

    /// <summary>A robustness copy's image and text perturbations, applied while the chunk's media inputs are computed.</summary>
    public Core.Robustness.MediaPerturber? MediaPerturber { get; init; }

    /// <summary>The largest latency batch size in the plan: latency runs use the first rows, which must all be in the first chunk.</summary>
    public static int LatencyRows(IEnumerable<CheckSpec> checks) =>
        checks.OfType<LatencyCheckSpec>().Select(c => c.BatchSize).DefaultIfEmpty(0).Max();

    /// <summary>Streams <paramref name="path"/> through both models and returns the holdout and the scores.</summary>
    public async Task<ScoredHoldout> ScoreAsync(string path, HoldoutReadOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wall = Stopwatch.StartNew();
        using var reader = HoldoutReader.Open(path, options with { ChunkRows = RowsPerChunk() });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var token = failed.Token;
        var read = Channel.CreateBounded<HoldoutChunk>(ChannelCapacity);
        var built = Channel.CreateBounded<BuiltInputs>(ChannelCapacity);
        var scoredByCandidate = Channel.CreateBounded<ChunkScores>(ChannelCapacity);
        var scoredByBoth = Channel.CreateBounded<ChunkScores>(ChannelCapacity);
        var busy = new double[5];
        var keep = KeepAfterScoring?.ToHashSet(StringComparer.Ordinal);

        var stages = new Task[]
        {
            Stage(failed, () => ReadAll(reader, Shard, read.Writer, busy, token), e => read.Writer.TryComplete(e)),
            Stage(failed, () => BuildInputs(reader.File, keep, read.Reader, built.Writer, busy, token), e => built.Writer.TryComplete(e)),
            Stage(failed, () => ScoreCandidate(built.Reader, scoredByCandidate.Writer, busy, token), e => scoredByCandidate.Writer.TryComplete(e)),
            Stage(failed, () => ScoreBaseline(scoredByCandidate.Reader, scoredByBoth.Writer, busy, token), e => scoredByBoth.Writer.TryComplete(e)),
        };
        var collected = Stage(failed, () => Collect(scoredByBoth.Reader, token), _ => { });
        await FirstFailure([.. stages, collected], cancellation).ConfigureAwait(false);

        var all = await collected.ConfigureAwait(false);
        if (all.Chunks.Count == 0 && Shard is { } shard)
        {
            throw new HoldoutException(reader.File, null, null, null,
                $"shard {shard} holds none of the {reader.RowsRead.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} rows",
                "split the holdout into fewer shards");
        }

        var assemble = Stopwatch.StartNew();
        var holdout = reader.ToHoldout(all.Chunks);
        var candidateScores = ScoreInterpretation.Resolve(candidate.Path, ScoreConcatenation.Concat(all.Candidate), final);
        var baselineScores = baseline is null ? null : ScoreInterpretation.Resolve(baseline.Path, ScoreConcatenation.Concat(all.Baseline), final);
        busy[3] += assemble.Elapsed.TotalSeconds;
        var timings = new StreamTimings(all.Chunks.Count, busy[0], busy[1], busy[2], busy[3], wall.Elapsed.TotalSeconds) { InputsSeconds = busy[4] };
        return new ScoredHoldout(holdout, reader.Columns.Count, candidateScores, baselineScores, all.CandidateSample!, all.BaselineSample, timings);
    }

    // Runs one stage; when it ends, its output channel is completed (with the error, if any) and a failure cancels the others.
    private static Task<T> Stage<T>(CancellationTokenSource failed, Func<Task<T>> body, Action<Exception?> complete) =>
        Task.Run(async () =>
        {
            try
            {
                var result = await body().ConfigureAwait(false);
                complete(null);
                return result;
            }
            catch (Exception ex)
            {
                complete(ex);
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
        });

    // The first stage to fail is the cause; the others only saw the cancellation it triggered.
    private static async Task FirstFailure(IReadOnlyList<Task> stages, CancellationToken cancellation)
    {
        try
        {
            await Task.WhenAll(stages).ConfigureAwait(false);
        }
        catch (Exception)
        {
            cancellation.ThrowIfCancellationRequested();
            var cause = stages.Where(s => s.IsFaulted)
                .Select(s => s.Exception!.InnerException!)
                .FirstOrDefault(e => e is not OperationCanceledException and not ChannelClosedException)
                ?? stages.First(s => s.IsFaulted || s.IsCanceled).Exception?.InnerException
                ?? new OperationCanceledException(cancellation);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
        }
    }

    private static async Task<bool> ReadAll(HoldoutChunkReader reader, Data.Scores.Shard? shard, ChannelWriter<HoldoutChunk> output, double[] busy, CancellationToken token)
    {
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            var chunk = reader.ReadChunk();
            if (chunk is not null && shard is { Count: > 1 })
            {
                chunk = chunk.Rows([.. Enumerable.Range(0, chunk.RowCount).Where(i => shard.Contains(chunk.RowId(i)))]);
                if (chunk.RowCount == 0)
                {
                    // None of this chunk's rows are in the shard: nothing for the models.
                    continue;
                }
            }

            busy[0] += Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (chunk is null)
            {
                return true;
            }

            await output.WriteAsync(chunk, token).ConfigureAwait(false);
        }
    }

    // Builds the chunk's model inputs (decoding its images, encoding its texts) while the models score earlier chunks.
    private async Task<bool> BuildInputs(string file, IReadOnlySet<string>? keep, ChannelReader<HoldoutChunk> input, ChannelWriter<BuiltInputs> output, double[] busy, CancellationToken token)
    {
        await foreach (var chunk in input.ReadAllAsync(token).ConfigureAwait(false))
        {
            var start = Stopwatch.GetTimestamp();
            var fed = Perturb is null ? chunk : Perturb(chunk);
            var computed = new Media.ComputedValues(file, MediaPerturber, fed.RowNumbers);
            var modelInputs = inputs.Select(i => ChunkInputs.ToModelInput(i, fed, file, computed)).ToList();
            var baselineInputs = baseline is null || BaselineInputs is null || ModelInputPlan.SameColumns(inputs, BaselineInputs)
                ? modelInputs
                : [.. BaselineInputs.Select(i => ChunkInputs.ToModelInput(i, fed, file, computed))];
            // From here on the features live in the model inputs only, which are dropped once both models have run.
            var kept = keep is null ? chunk : chunk.Keep(keep);
            busy[4] += Stopwatch.GetElapsedTime(start).TotalSeconds;
            await output.WriteAsync(new BuiltInputs(kept, modelInputs, baselineInputs), token).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<bool> ScoreCandidate(ChannelReader<BuiltInputs> input, ChannelWriter<ChunkScores> output, double[] busy, CancellationToken token)
    {
        await foreach (var (kept, modelInputs, baselineInputs) in input.ReadAllAsync(token).ConfigureAwait(false))
        {
            var start = Stopwatch.GetTimestamp();
            var prepared = candidate.Prepare(modelInputs);
            var scores = candidate.Score(prepared, request);
            busy[1] += Stopwatch.GetElapsedTime(start).TotalSeconds;
            await output.WriteAsync(new ChunkScores(kept, baselineInputs, prepared, scores, null, null), token).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<bool> ScoreBaseline(ChannelReader<ChunkScores> input, ChannelWriter<ChunkScores> output, double[] busy, CancellationToken token)
    {
        await foreach (var scored in input.ReadAllAsync(token).ConfigureAwait(false))
        {
            if (baseline is null)
            {
                await output.WriteAsync(scored, token).ConfigureAwait(false);
                continue;
            }

            var start = Stopwatch.GetTimestamp();
            var prepared = baseline.Prepare(scored.BaselineModelInputs);
            var scores = baseline.Score(prepared, request);
            busy[2] += Stopwatch.GetElapsedTime(start).TotalSeconds;
            await output.WriteAsync(scored with { BaselinePrepared = prepared, Baseline = scores }, token).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task<Collected> Collect(ChannelReader<ChunkScores> input, CancellationToken token)
    {
        var all = new Collected();
        await foreach (var scored in input.ReadAllAsync(token).ConfigureAwait(false))
        {
            // Only the first chunk's prepared inputs are kept (for latency); the rest are dropped here.
            if (all.Chunks.Count == 0)
            {
                all.CandidateSample = scored.CandidatePrepared;
                all.BaselineSample = scored.BaselinePrepared;
            }

            all.Chunks.Add(scored.Chunk);
            all.Candidate.Add(scored.Candidate);
            if (scored.Baseline is not null)
            {
                all.Baseline.Add(scored.Baseline);
            }
        }

        return all;
    }

    private int RowsPerChunk()
    {
        // Label outputs are decoded against the label set of the whole output: score them in one chunk.
        if (request.ClassLabels is null
            && (LabelsOnly(candidate) || (baseline is not null && LabelsOnly(baseline))))
        {
            return int.MaxValue;
        }

        long batch = BatchOf(candidate);
        if (baseline is not null)
        {
            var other = BatchOf(baseline);
            batch = batch / Gcd(batch, other) * other;
        }

        long rows = Math.Max(Math.Max(1, Math.Min(ChunkRows, ComputedRows())), MinimumFirstChunkRows);
        var whole = (rows + batch - 1) / batch * batch;
        return (int)Math.Min(whole, int.MaxValue);
    }

    // Image and text inputs are computed per chunk: a chunk holds at most MaxComputedValues of them (64 MiB of
    // float64), so memory stays bounded however large the images; an image without a fixed size counts as 224 × 224.
    private int ComputedRows()
    {
        var perRow = inputs.Concat(BaselineInputs ?? []).Where(i => i.Computed is not null)
            .Sum(i => i.ItemShape.Count > 0 ? i.ItemShape.Aggregate(1L, (a, b) => a * b) : 3L * 224 * 224);
        return perRow == 0 ? int.MaxValue : (int)Math.Max(1, MaxComputedValues / perRow);
    }

    private bool LabelsOnly(OnnxModel model) => ScoreOutputChoice.Choose(model.Path, model.Signature, request).Kind == ScoreKind.Labels;

    // The rows per ORT call, as OnnxModel uses them: a fixed batch dimension wins over the configured size.
    private static long BatchOf(OnnxModel model) => model.BatchSize;

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private sealed record BuiltInputs(HoldoutChunk Chunk, IReadOnlyList<ModelInput> Candidate, IReadOnlyList<ModelInput> Baseline);

    private sealed record ChunkScores(
        HoldoutChunk Chunk,
        IReadOnlyList<ModelInput> BaselineModelInputs,
        PreparedInputs CandidatePrepared,
        ScoredPredictions Candidate,
        PreparedInputs? BaselinePrepared,
        ScoredPredictions? Baseline);

    private sealed class Collected
    {
        public List<HoldoutChunk> Chunks { get; } = [];

        public List<ScoredPredictions> Candidate { get; } = [];

        public List<ScoredPredictions> Baseline { get; } = [];

        public PreparedInputs? CandidateSample { get; set; }

        public PreparedInputs? BaselineSample { get; set; }
    }
}
