using System.Diagnostics;
using System.Globalization;
using ModelGate.Core.Limits;
using ModelGate.Data;
using ModelGate.Data.Scores;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Signature;
using ModelGate.Policy;
using ModelGate.Policy.Model;
using ModelGate.Reports;

namespace ModelGate.Engine.Scores;

/// <summary>What <c>modelgate score</c> was asked to do.</summary>
internal sealed record ScoreRunRequest
{
    /// <summary>The policy file (absolute): holdout, input mapping, output decoding.</summary>
    public required string PolicyPath { get; init; }

    /// <summary>Where the policy's files may be, and the input limits it is loaded with.</summary>
    public PolicyLoadOptions PolicyOptions { get; init; } = PolicyLoadOptions.Default;

    /// <summary>Values that win over the policy's (models, holdout).</summary>
    public PolicyOverrides Overrides { get; init; } = new();

    /// <summary>"candidate" or "baseline": which of the policy's models scores.</summary>
    public string Role { get; init; } = "candidate";

    /// <summary>The part of the holdout to score.</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>The score file to write (absolute); .csv writes CSV and a .json header beside it, anything else Parquet.</summary>
    public required string Output { get; init; }

    /// <summary>The gate's settings for the runtime, device, batching, limits and paths (its report fields are unused).</summary>
    public required GateRequest Gate { get; init; }
}

/// <summary>What <c>modelgate score</c> wrote.</summary>
internal sealed record ScoreRunResult(string Output, int Rows, long HoldoutRows, ScoreFileHeader Header);

/// <summary>
/// <c>modelgate score</c>: one model scores the holdout, or one shard of it, through the same streaming scorer as
/// <c>check</c>, and the row ids and scores go to a score file with a header naming the model, the holdout, the shard
/// and the decoding. <c>check --scores</c> gates such files exactly as if it had run the model itself.
/// </summary>
internal static class ScoreRun
{
    /// <summary>Scores and writes the file.</summary>
    public static async Task<ScoreRunResult> ExecuteAsync(ScoreRunRequest request, IRunLog log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var gate = request.Gate;
        var today = DateOnly.FromDateTime(gate.Now.UtcDateTime);
        var policy = PolicyOverrides.Apply(PolicyFile.Load(request.PolicyPath, today, request.PolicyOptions, log), request.Overrides);
        var baseline = request.Role == "baseline";
        var modelPath = baseline
            ? policy.Models.Baseline ?? throw new InputMappingException("--model baseline: the policy has no models.baseline; set it, or pass --baseline <model.onnx>.")
            : policy.Models.Candidate;
        var limits = gate.Limits;
        var files = ModelFiles.Of(modelPath, limits);
        using var runtime = OnnxRuntime.Open(gate.Runtime with { Device = gate.Device, Log = (level, line) => log.Warn(GateRun.OrtLine(level, line)) });
        using var model = runtime.LoadModel(modelPath, GateRun.Settings(gate, policy));
        log.Step(GateRun.RuntimeStep(runtime, model.Device, gate.Device));

        var header = HoldoutReader.ReadColumnNames(policy.Data.Holdout, limits: limits);
        GateRun.ValidateColumns(policy, header);
        var inputs = ModelInputPlan.For(new InputsFor(request.Role, policy.Data, baseline ? policy.Models.BaselineInputs : policy.Models.CandidateInputs, model.Signature) { Media = Media.MediaInputs.Open(policy.Data) }, header, policy.Data.Holdout, log.Step);
        var needed = HoldoutColumnsNeeded.For(policy, header, inputs);
        var watch = Stopwatch.StartNew();
        var streamed = await new StreamingScorer(model, null, inputs, GateRun.ScoreRequestOf(policy))
            {
                MinimumFirstChunkRows = StreamingScorer.LatencyRows(policy.Checks),
                KeepAfterScoring = [],
                Shard = request.Shard,
            }
            .ScoreAsync(policy.Data.Holdout, needed.ToReadOptions(policy, limits), cancellation).ConfigureAwait(false);
        var holdout = streamed.Holdout;
        var scored = OutputClasses.Name(request.Role, model.Path, streamed.Candidate, policy.Task, policy.Models.Classes);
        log.Step($"scored shard {request.Shard} of {ReportComposer.DisplayPath(policy.Data.Holdout, gate.WorkingDirectory)}: {holdout.RowCount.ToString("N0", CultureInfo.InvariantCulture)} of {holdout.RowsInFile.ToString("N0", CultureInfo.InvariantCulture)} rows ({RunLog.Rate(holdout.RowCount, watch.Elapsed)}){GateRun.Dropped(holdout)}; output '{scored.OutputName}': {scored.Reason}");

        var latency = Latency(policy, model, streamed, log);
        var version = RunOrigin.ModelVersion((baseline ? request.Overrides.BaselineVersion : request.Overrides.CandidateVersion)
            ?? (baseline ? policy.Models.BaselineVersion : policy.Models.CandidateVersion), model.Signature.Metadata);
        var fileHeader = new ScoreFileHeader
        {
            Model = new ScoredModel(ReportComposer.DisplayPath(files.Model, gate.WorkingDirectory), files.Sha256(), files.TotalBytes, version),
            HoldoutSha256 = holdout.Sha256,
            Shard = request.Shard,
            Decoding = new ScoreDecoding(scored.OutputName, ScoreKindNames.Of(scored.Kind), scored.ClassLabels, scored.LabelsOnly, scored.Reason),
            ScoreColumns = ColumnsOf(scored),
            Features = [.. inputs.SelectMany(i => i.Columns).Distinct(StringComparer.Ordinal)],
            Latency = latency,
            Runtime = GateRun.RuntimeOf(runtime, model),
        };
        var rowIds = new string[holdout.RowCount];
        for (var i = 0; i < rowIds.Length; i++)
        {
            rowIds[i] = holdout.RowId(i);
        }

        var p = scored.Predictions;
        await ScoreFile.WriteAsync(request.Output, fileHeader, rowIds, p.Scores.AsSpan(0, p.RowCount * p.ClassCount).ToArray(), cancellation).ConfigureAwait(false);
        log.Step($"wrote {ReportComposer.DisplayPath(request.Output, gate.WorkingDirectory)}");
        return new ScoreRunResult(request.Output, holdout.RowCount, holdout.RowsInFile, fileHeader);
    }

    /// <summary>The score columns: <c>prediction</c> for regression, else <c>score_0</c>… in class order (the header names the classes).</summary>
    internal static IReadOnlyList<string> ColumnsOf(ScoredPredictions scored) => scored.Kind == ScoreKind.Regression
        ? ["prediction"]
        : [.. Enumerable.Range(0, scored.Predictions.ClassCount).Select(i => "score_" + i.ToString(CultureInfo.InvariantCulture))];

    private static List<ScoreFileLatency> Latency(GatePolicy policy, ModelGate.Onnx.Sessions.OnnxModel model, ScoredHoldout streamed, IRunLog log)
    {
        var batches = policy.Checks.OfType<ModelGate.Core.Plan.LatencyCheckSpec>().Select(c => c.BatchSize).Distinct().ToList();
        if (batches.Count == 0 || streamed.Holdout.RowCount == 0)
        {
            return [];
        }

        const int Calls = 50;
        var measured = batches.Select(b => model.MeasureLatency(streamed.CandidateSample, b, Calls)).Select(l => new ScoreFileLatency(l.BatchSize, l.Milliseconds)).ToList();
        log.Step($"measured latency at batch size(s) {string.Join(", ", batches)} over {Calls} calls each");
        return measured;
    }
}
