using System.Diagnostics;
using System.Globalization;
using ModelGate.Core;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Limits;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Core.Verdicts;
using ModelGate.Data;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Signature;
using ModelGate.Policy.Model;
using ModelGate.Reports;
using ModelGate.Reports.Files;

namespace ModelGate.Engine;


/// <summary>
/// One run of the gate, step by step: policy, holdout, models, scores, verdicts, report files. The CLI, the tests and
/// the benchmarks all run the gate through here; the caller then prints, publishes and decides the exit code.
/// </summary>
internal static class GateRun
{
    /// <summary>Runs the gate and writes the report files.</summary>
    public static async Task<GateRunResult> ExecuteAsync(GateRequest request, IRunLog log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var started = Stopwatch.StartNew();
        var now = request.Now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var policy = PolicyOverrides.Apply(PolicyFile.Load(request.PolicyPath, today, request.PolicyOptions, log), request.Overrides);
        cancellation.ThrowIfCancellationRequested();

        var device = request.Device;
        var limits = request.Limits;

        // Sized (external data included) before ONNX Runtime maps a byte of it.
        var candidateFiles = ModelFiles.Of(policy.Models.Candidate, limits);
        var baselineFiles = policy.Models.Baseline is null ? null : ModelFiles.Of(policy.Models.Baseline, limits);
        using var runtime = OnnxRuntime.Open(request.Runtime with { Device = device, Log = (level, line) => log.Warn($"onnxruntime {level}: {line}") });
        var settings = new SessionSettings
        {
            Device = device,
            BatchSize = request.BatchSize,
            BatchTimeBudget = request.BatchTimeBudget,
        };
        using var candidate = runtime.LoadModel(policy.Models.Candidate, settings);
        using var baseline = policy.Models.Baseline is null ? null : runtime.LoadModel(policy.Models.Baseline, settings);
        log.Step($"ONNX Runtime {runtime.Version} {runtime.Build} build ({runtime.HowFound}: {runtime.LibraryPath}); device {candidate.Device.Device} via {candidate.Device.Provider}: {candidate.Device.Reason}");

        var header = HoldoutReader.ReadColumnNames(policy.Data.Holdout, limits: limits);
        var inputs = ModelInputPlan.For(policy.Data, candidate.Signature, header, policy.Data.Holdout);
        var needed = HoldoutColumnsNeeded.For(policy, header, inputs);
        var columnErrors = policy.ValidateAgainstColumns(header);
        if (columnErrors.Count > 0)
        {
            throw new ModelGate.Policy.Diagnostics.PolicyException(columnErrors);
        }

        var scoreRequest = new ScoreRequest
        {
            Task = policy.Task,
            OutputName = policy.Models.Output,
            Kind = policy.Task == TaskKind.Regression ? ScoreKind.Regression : ScoreKindOf(policy.Models.Scores),
        };
        var streamed = await new StreamingScorer(candidate, baseline, inputs, scoreRequest)
            {
                MinimumFirstChunkRows = StreamingScorer.LatencyRows(policy.Checks),
                KeepAfterScoring = needed.AfterScoring,
            }
            .ScoreAsync(policy.Data.Holdout, needed.ToReadOptions(policy, limits), cancellation).ConfigureAwait(false);
        var (holdout, columnsRead, candidateScores, baselineScores, candidateInputs, baselineInputs, timings) = streamed;
        log.Step($"read {holdout.RowCount.ToString("N0", CultureInfo.InvariantCulture)} holdout rows, {columnsRead} columns ({holdout.Columns.Count} kept after scoring) and scored {(baseline is null ? "the candidate" : "candidate and baseline")} ({RunLog.Rate(holdout.RowCount, TimeSpan.FromSeconds(timings.WallSeconds))}){Dropped(holdout)}; output '{candidateScores.OutputName}': {candidateScores.Reason}");
        log.Step(string.Create(CultureInfo.InvariantCulture, $"stages (busy s, overlapped): read {timings.ReadSeconds:0.00}, candidate {timings.CandidateSeconds:0.00}, baseline {timings.BaselineSeconds:0.00}, assemble {timings.AssembleSeconds:0.00}; wall {timings.WallSeconds:0.00} in {timings.Chunks} chunks"));
        cancellation.ThrowIfCancellationRequested();

        var labelled = EvaluationBuilder.Label(policy, holdout, candidateScores, baselineScores);
        var train = await Train(policy, candidate, inputs, scoreRequest, limits, log, cancellation).ConfigureAwait(false);
        var data = new EvaluationData
        {
            Task = policy.Task,
            ClassLabels = labelled.ClassLabels,
            Targets = labelled.Targets,
            ClassNames = labelled.ClassNames,
            Candidate = labelled.Candidate,
            Baseline = labelled.Baseline,
            RowIds = policy.Data.Id is null ? null : holdout.RowIds,
            Weights = policy.Data.Weight is null ? null : holdout.GetDouble(policy.Data.Weight),
            Slices = EvaluationBuilder.Slices(policy, holdout),
            SafetySets = EvaluationBuilder.SafetySets(policy, holdout),
            Train = train?.Sample,
            DriftFeatures = DriftInputs.Read(policy, holdout, header, needed.Features, limits, log),
            Leakage = DriftInputs.ReadLeakage(policy, holdout, header, needed.Features, limits),
            Measurements = Measure(policy, (candidate, candidateFiles), baseline is null ? null : (baseline, baselineFiles!), candidateInputs, baselineInputs, log),
        };

        var watch = Stopwatch.StartNew();
        var result = ReportComposer.WithDisplayPaths(GateEvaluator.Evaluate(policy.ToGatePlan(), data, today), request.WorkingDirectory);
        log.Step($"judged {result.Checks.Count} checks with {policy.Statistics.Resamples.ToString(CultureInfo.InvariantCulture)} paired resamples in {watch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
        foreach (var c in result.Checks.Where(c => c.UndetectableBound is not null))
        {
            log.Warn($"check '{c.Spec.Id}': the smallest detectable change on these {NumberText.Count(result.Rows)} rows is {NumberText.Value(c.UndetectableBound!.Value)}, larger than its bound ({c.Threshold}): the holdout is too small to confirm it; add rows or allow a larger change");
        }
        cancellation.ThrowIfCancellationRequested();

        var outDir = request.OutDir;
        var facts = Facts(request, policy, holdout, train?.File, (candidate, candidateFiles), baseline is null ? null : (baseline, baselineFiles!), runtime) with
        {
            Run = request.Run,
            DurationSeconds = started.Elapsed.TotalSeconds,
        };
        var context = ReportComposer.Context(facts, result, holdout, policy.Report.ShowColumns, policy.Report.MaxFlippedRows,
            $"the full report is in `{ReportComposer.DisplayPath(Path.Combine(outDir, "report.md"), request.WorkingDirectory)}` (job summary and artifact)");
        var written = ReportWriter.WriteAll(ReportComposer.Files(result, context, outDir, request.Formats));
        foreach (var path in written.Written)
        {
            log.Step($"wrote {ReportComposer.DisplayPath(path, request.WorkingDirectory)}");
        }

        return new GateRunResult(policy, result, context, written, timings);
    }

    // The train sample takes the holdout's path: streamed through the same scorer, reading only the model inputs and the label.
    private static async Task<(TrainSample Sample, Holdout File)?> Train(GatePolicy policy, OnnxModel candidate, IReadOnlyList<ModelInputPlan> inputs, ScoreRequest request,
        ResourceLimits limits, IRunLog log, CancellationToken cancellation)
    {
        if (policy.Data.Train is not { } path
            || !policy.Checks.Any(c => c is GeneralizationGapCheckSpec or PredictionDriftCheckSpec { Against: PredictionDriftReference.Train }))
        {
            return null;
        }

        var header = HoldoutReader.ReadColumnNames(path, limits: limits);
        var columnErrors = policy.ValidateAgainstTrainColumns(header);
        if (columnErrors.Count > 0)
        {
            throw new ModelGate.Policy.Diagnostics.PolicyException(columnErrors);
        }

        var needed = HoldoutColumnsNeeded.ForTrain(policy, inputs);
        var streamed = await new StreamingScorer(candidate, null, inputs, request) { KeepAfterScoring = needed.AfterScoring }
            .ScoreAsync(path, needed.ToReadOptions(policy, limits, withRowIds: false), cancellation).ConfigureAwait(false);
        var train = streamed.Holdout;
        var labelled = EvaluationBuilder.Label(policy, train, streamed.Candidate, null);
        log.Step($"scored the candidate on {train.RowCount.ToString("N0", CultureInfo.InvariantCulture)} train rows for the {(policy.Checks.Any(c => c is GeneralizationGapCheckSpec) ? "generalization gap" : "prediction drift")}");
        return (new TrainSample(labelled.ClassLabels, labelled.Targets, labelled.Candidate), train);
    }

    private static ModelMeasurements Measure(GatePolicy policy, (OnnxModel Session, ModelFiles Files) candidateModel, (OnnxModel Session, ModelFiles Files)? baselineModel,
        ModelGate.Onnx.Inputs.PreparedInputs candidateInputs, ModelGate.Onnx.Inputs.PreparedInputs? baselineInputs, IRunLog log)
    {
        var candidate = candidateModel.Session;
        var baseline = baselineModel?.Session;
        var latency = policy.Checks.OfType<LatencyCheckSpec>().Select(c => c.BatchSize).Distinct().ToList();
        const int Calls = 50;
        var candidateLatency = latency.Select(b => candidate.MeasureLatency(candidateInputs, b, Calls)).ToList();
        var baselineLatency = baseline is null ? [] : latency.Select(b => baseline.MeasureLatency(baselineInputs!, b, Calls)).ToList();
        if (latency.Count > 0)
        {
            log.Step($"measured latency at batch size(s) {string.Join(", ", latency)} over {Calls} calls each");
        }

        return new ModelMeasurements(candidateModel.Files.TotalBytes, baselineModel?.Files.TotalBytes, candidateLatency, baselineLatency);
    }

    private static RunFacts Facts(GateRequest request, GatePolicy policy, Holdout holdout, Holdout? train, (OnnxModel Session, ModelFiles Files) candidateModel,
        (OnnxModel Session, ModelFiles Files)? baselineModel, OnnxRuntime runtime)
    {
        string Show(string path) => ReportComposer.DisplayPath(path, request.WorkingDirectory);
        var (candidate, candidateFiles) = candidateModel;

        // Size and hash cover external-data files: swapping the weights must change the provenance.
        var fingerprints = new List<ModelFingerprint>
        {
            new("candidate", Show(candidate.Path), candidateFiles.Sha256(), candidateFiles.TotalBytes,
                RunOrigin.ModelVersion(request.Overrides.CandidateVersion ?? policy.Models.CandidateVersion, candidate.Signature.Metadata)),
        };
        if (baselineModel is { } baseline)
        {
            fingerprints.Add(new("baseline", Show(baseline.Files.Model), baseline.Files.Sha256(), baseline.Files.TotalBytes,
                RunOrigin.ModelVersion(request.Overrides.BaselineVersion ?? policy.Models.BaselineVersion, baseline.Session.Signature.Metadata)));
        }

        var data = new List<DataFingerprint> { new("holdout", Show(holdout.File), holdout.Sha256, holdout.RowCount) };
        if (train is not null)
        {
            data.Add(new("train", Show(train.File), train.Sha256, train.RowCount));
        }

        return new RunFacts(request.GateKey, request.Now, Show(policy.File), ReportComposer.Sha256Of(policy.File), fingerprints, data,
            runtime.Version, candidate.Device.Device, candidate.Device.Provider)
        {
            OnnxRuntimeBuild = runtime.Build,
            OnnxRuntimeLibrary = runtime.IsBundled ? "bundled" : runtime.LibraryPath,
            Gpu = candidate.Device.Gpu is { } gpu ? (gpu.Name, gpu.MemoryBytes) : null,
        };
    }

    private static ScoreKind? ScoreKindOf(ScoresKind? kind) => kind switch
    {
        ScoresKind.Logits => ScoreKind.Logits,
        ScoresKind.Label => ScoreKind.Labels,
        ScoresKind.Probabilities => ScoreKind.Probabilities,
        _ => null,
    };

    private static string Dropped(Holdout holdout) => holdout.DroppedRows == 0
        ? string.Empty
        : $"; dropped {holdout.DroppedRows.ToString(CultureInfo.InvariantCulture)} rows with missing inputs";
}
