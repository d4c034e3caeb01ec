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
using ModelGate.Data.Scores;
using ModelGate.Engine.Media;
using ModelGate.Engine.Scores;
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
    /// <summary>
    /// The run's first line: which ONNX Runtime and device. Without the CUDA build, --device auto on the CPU is the
    /// ordinary case on a CPU-only machine, so it is said briefly (gpu status has the details); any other reason is
    /// given in full, since it means CUDA was meant to work.
    /// </summary>
    internal static string RuntimeStep(OnnxRuntime runtime, DeviceChoice device, DeviceRequest request)
    {
        var library = runtime.IsBundled ? "bundled" : $"{runtime.HowFound}: {runtime.LibraryPath}";
        var why = request.Kind == DeviceKind.Auto && runtime.Cuda.Missing == Onnx.Gpu.CudaPiece.GpuBuild
            ? "no CUDA build installed (dotnet modelgate gpu status)"
            : device.Reason;
        return $"ONNX Runtime {runtime.Version} {runtime.Build} build ({library}); device {device.Device} via {device.Provider}: {why}";
    }

    // ORT's warnings are warnings of the run: "ONNX Runtime: ..."; an error line names its level.
    internal static string OrtLine(OnnxLogLevel level, string line) =>
        level == OnnxLogLevel.Warning ? $"ONNX Runtime: {line}" : $"ONNX Runtime {level.ToString().ToLowerInvariant()}: {line}";

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

        var inputs = request.Scores is null
            ? await ScoreWithModelsAsync(request, policy, log, cancellation).ConfigureAwait(false)
            : PrecomputedScores.Load(request, policy, log);
        var (holdout, labelled, train) = (inputs.Holdout, inputs.Labelled, inputs.Train);

        // MODELGATE_TIMINGS=1: one more log line with the phases from the end of scoring to the reports written
        // (profiling; the reports are unchanged).
        var times = Environment.GetEnvironmentVariable("MODELGATE_TIMINGS") == "1" ? new PhaseTimes() : null;
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
            Windows = WindowInputs.For(policy, holdout),
            Train = train?.Sample,
            DriftFeatures = inputs.DriftFeatures,
            Leakage = inputs.Leakage,
            Robustness = inputs.Robustness,
            Measurements = inputs.Measurements,
        };

        times?.Mark("hand-off (slices, safety sets)");
        var watch = Stopwatch.StartNew();
        var result = ReportComposer.WithDisplayPaths(GateEvaluator.Evaluate(policy.ToGatePlan(), data, today, times), request.WorkingDirectory);
        log.Step($"judged {result.Checks.Count} checks with {policy.Statistics.Resamples.ToString(CultureInfo.InvariantCulture)} paired resamples in {watch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
        foreach (var c in result.Checks.Where(c => c.UndetectableBound is not null))
        {
            log.Warn($"check '{c.Spec.Id}': the smallest detectable change on these {NumberText.Count(result.Rows)} rows is {NumberText.Value(c.UndetectableBound!.Value)}, larger than its bound ({c.Threshold}): the holdout is too small to confirm it; add rows or allow a larger change");
        }
        cancellation.ThrowIfCancellationRequested();

        var outDir = request.OutDir;
        var facts = Facts(request, policy, inputs) with
        {
            Run = request.Run,
            DurationSeconds = started.Elapsed.TotalSeconds,
        };
        var context = ReportComposer.Context(facts, result, holdout, policy.Report.ShowColumns, policy.Report.MaxFlippedRows,
            $"the full report is in `{ReportComposer.DisplayPath(Path.Combine(outDir, "report.md"), request.WorkingDirectory)}` (job summary and artifact)");
        times?.Mark("report context");
        context = context with { Evidence = Evidence(request, policy, result, data, holdout) };
        times?.Mark("evidence");
        var files = ReportComposer.Files(result, context, outDir, request.Formats);
        times?.Mark("reports rendered");
        var written = ReportWriter.WriteAll(files);
        times?.Mark("reports written");
        foreach (var path in written.Written)
        {
            log.Step($"wrote {ReportComposer.DisplayPath(path, request.WorkingDirectory)}");
        }

        if (times is not null)
        {
            log.Step($"timings: {times}");
        }

        return new GateRunResult(policy, result, context, written, inputs.Timings);
    }

    // The PR comment names the HTML report (and the run whose artifacts hold it) instead of embedding images.
    private static RowEvidence? Evidence(GateRequest request, GatePolicy policy, GateResult result, EvaluationData data, Holdout holdout) =>
        EvidenceSelection.Collect(policy, result, data, holdout) is { } evidence
            ? evidence with
            {
                HtmlFile = request.Formats.Contains("html") ? ReportComposer.DisplayPath(Path.Combine(request.OutDir, ReportComposer.FileNames["html"]), request.WorkingDirectory) : null,
                RunUrl = request.Run.RunUrl,
            }
            : null;

    // The models score the holdout (and the train sample) here, and are measured; what comes out is all the judges need.
    private static async Task<GateInputs> ScoreWithModelsAsync(GateRequest request, GatePolicy policy, IRunLog log, CancellationToken cancellation)
    {
        var device = request.Device;
        var limits = request.Limits;

        // Sized (external data included) before ONNX Runtime maps a byte of it.
        var candidateFiles = ModelFiles.Of(policy.Models.Candidate, limits);
        var baselineFiles = policy.Models.Baseline is null ? null : ModelFiles.Of(policy.Models.Baseline, limits);
        using var runtime = OnnxRuntime.Open(request.Runtime with { Device = device, Log = (level, line) => log.Warn(OrtLine(level, line)) });
        using var candidate = runtime.LoadModel(policy.Models.Candidate, Settings(request, policy));
        using var baseline = policy.Models.Baseline is null ? null : runtime.LoadModel(policy.Models.Baseline, Settings(request, policy));
        log.Step(RuntimeStep(runtime, candidate.Device, device));

        var header = HoldoutReader.ReadColumnNames(policy.Data.Holdout, limits: limits);
        var media = MediaInputs.Open(policy.Data);
        var inputs = ModelInputPlan.For(new InputsFor("candidate", policy.Data, policy.Models.CandidateInputs, candidate.Signature) { Media = media }, header, policy.Data.Holdout, log.Step);
        var baselinePlans = baseline is null ? null
            : ModelInputPlan.For(new InputsFor("baseline", policy.Data, policy.Models.BaselineInputs, baseline.Signature) { Media = media }, header, policy.Data.Holdout, log.Step);
        var needed = HoldoutColumnsNeeded.For(policy, header, [.. inputs, .. baselinePlans ?? []]);
        ValidateColumns(policy, header);

        var scoreRequest = ScoreRequestOf(policy);
        var streamed = await new StreamingScorer(candidate, baseline, inputs, scoreRequest)
            {
                MinimumFirstChunkRows = StreamingScorer.LatencyRows(policy.Checks),
                KeepAfterScoring = needed.AfterScoring,
                BaselineInputs = baselinePlans,
            }
            .ScoreAsync(policy.Data.Holdout, needed.ToReadOptions(policy, limits), cancellation).ConfigureAwait(false);
        var (holdout, columnsRead, candidateScored, baselineScored, candidateInputs, baselineInputs, timings) = streamed;
        var candidateScores = OutputClasses.Name("candidate", candidate.Path, candidateScored, policy.Task, policy.Models.Classes);
        var baselineScores = baseline is null ? null : OutputClasses.Name("baseline", baseline.Path, baselineScored!, policy.Task, policy.Models.Classes);
        log.Step($"read {holdout.RowCount.ToString("N0", CultureInfo.InvariantCulture)} holdout rows, {columnsRead} columns ({holdout.Columns.Count} kept after scoring) and scored {(baseline is null ? "the candidate" : "candidate and baseline")} ({RunLog.Rate(holdout.RowCount, TimeSpan.FromSeconds(timings.WallSeconds))}){Dropped(holdout)}; output '{candidateScores.OutputName}': {candidateScores.Reason}");
        log.Step(string.Create(CultureInfo.InvariantCulture, $"stages (busy s, overlapped): read {timings.ReadSeconds:0.00}, inputs {timings.InputsSeconds:0.00}, candidate {timings.CandidateSeconds:0.00}, baseline {timings.BaselineSeconds:0.00}, assemble {timings.AssembleSeconds:0.00}; wall {timings.WallSeconds:0.00} in {timings.Chunks} chunks"));
        cancellation.ThrowIfCancellationRequested();

        var labelled = EvaluationBuilder.Label(policy, holdout, candidateScores, baselineScores);
        var texts = media.Truncations();
        foreach (var text in texts.Where(t => t.Truncated > 0))
        {
            log.Warn(string.Create(CultureInfo.InvariantCulture, $"{text.Truncated:N0} of {text.Rows:N0} texts in column '{text.Column}' have more tokens than max_length {text.MaxLength} and were cut (the report counts them)"));
        }

        media.ResetCounts();
        var train = await Train(policy, candidate, inputs, scoreRequest, limits, log, cancellation).ConfigureAwait(false);
        var robustness = await RobustnessRuns.RunAsync(policy, new RobustnessModels(candidate, baseline, inputs, baselinePlans, scoreRequest), labelled, header, limits, log, cancellation)
            .ConfigureAwait(false);
        var measurements = Measure(policy, (candidate, candidateFiles), baseline is null ? null : (baseline, baselineFiles!), candidateInputs, baselineInputs, log);
        var (candidateCost, baselineCost) = ResourceCostMeter.Measure(policy, path => runtime.LoadModel(path, Settings(request)), candidate.Path, candidateInputs,
            baseline?.Path, baselineInputs, log);
        measurements = measurements with { CandidateCost = candidateCost, BaselineCost = baselineCost };

        string Show(string path) => ReportComposer.DisplayPath(path, request.WorkingDirectory);

        // Size and hash cover external-data files: swapping the weights must change the provenance.
        var models = new List<ModelFingerprint>
        {
            new("candidate", Show(candidate.Path), candidateFiles.Sha256(), candidateFiles.TotalBytes,
                RunOrigin.ModelVersion(request.Overrides.CandidateVersion ?? policy.Models.CandidateVersion, candidate.Signature.Metadata)),
        };
        if (baseline is not null)
        {
            models.Add(new("baseline", Show(baselineFiles!.Model), baselineFiles.Sha256(), baselineFiles.TotalBytes,
                RunOrigin.ModelVersion(request.Overrides.BaselineVersion ?? policy.Models.BaselineVersion, baseline.Signature.Metadata)));
        }

        return new GateInputs(holdout, labelled, train, measurements, models, [], RuntimeOf(runtime, candidate), timings)
        {
            Texts = texts,
            DriftFeatures = DriftInputs.Read(policy, holdout, header, needed.Features, limits, log),
            Leakage = DriftInputs.ReadLeakage(policy, holdout, header, needed.Features, limits),
            Robustness = robustness,
        };
    }

    /// <summary>The ONNX Runtime and device facts the report's provenance shows.</summary>
    internal static ScoringRuntime RuntimeOf(OnnxRuntime runtime, OnnxModel model) =>
        new(runtime.Version, runtime.Build, runtime.IsBundled ? "bundled" : runtime.LibraryPath, model.Device.Device, model.Device.Provider)
        {
            Gpu = model.Device.Gpu is { } gpu ? (gpu.Name, gpu.MemoryBytes) : null,
        };

    /// <summary>The batch size for image inputs when the run does not set one.</summary>
    public const int ImageBatchSize = 64;

    /// <summary>Session settings from the request (device, batch size, time budget).</summary>
    internal static SessionSettings Settings(GateRequest request, GatePolicy? policy = null) => new()
    {
        Device = request.Device,
        // A batch of images is large (3 × 224 × 224 values each): unless --batch-size says otherwise, they go 64 at a time.
        BatchSize = request.BatchSize ?? (policy is { Data.Images.Count: > 0 } ? ImageBatchSize : SessionSettings.DefaultBatchSize),
        BatchTimeBudget = request.BatchTimeBudget,
    };

    /// <summary>What to read from the models' outputs, from the policy's task and models section.</summary>
    internal static ScoreRequest ScoreRequestOf(GatePolicy policy) => new()
    {
        Task = policy.Task,
        OutputName = policy.Models.Output,
        Kind = policy.Task == TaskKind.Regression ? ScoreKind.Regression : ScoreKindOf(policy.Models.Scores),
    };

    /// <summary>Every column the policy names must be in the holdout.</summary>
    internal static void ValidateColumns(GatePolicy policy, IReadOnlyList<string> header)
    {
        var columnErrors = policy.ValidateAgainstColumns(header);
        if (columnErrors.Count > 0)
        {
            throw new ModelGate.Policy.Diagnostics.PolicyException(columnErrors);
        }
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
        var labelled = EvaluationBuilder.Label(policy, train, OutputClasses.Name("candidate", candidate.Path, streamed.Candidate, policy.Task, policy.Models.Classes), null);
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

    private static RunFacts Facts(GateRequest request, GatePolicy policy, GateInputs inputs)
    {
        string Show(string path) => ReportComposer.DisplayPath(path, request.WorkingDirectory);
        var data = new List<DataFingerprint> { new("holdout", Show(inputs.Holdout.File), inputs.Holdout.Sha256, inputs.Holdout.RowCount) };
        if (inputs.Train?.File is { } train)
        {
            data.Add(new("train", Show(train.File), train.Sha256, train.RowCount));
        }

        data.AddRange(inputs.ScoreFiles);
        var runtime = inputs.Runtime;
        return new RunFacts(request.GateKey, request.Now, Show(policy.File), ReportComposer.Sha256Of(policy.File), inputs.Models, data,
            runtime.Version, runtime.Device, runtime.Provider)
        {
            Texts = inputs.Texts,
            OnnxRuntimeBuild = runtime.Build,
            OnnxRuntimeLibrary = runtime.Library,
            Gpu = runtime.Gpu,
        };
    }

    internal static ScoreKind? ScoreKindOf(ScoresKind? kind) => kind switch
    {
        ScoresKind.Logits => ScoreKind.Logits,
        ScoresKind.Label => ScoreKind.Labels,
        ScoresKind.Probabilities => ScoreKind.Probabilities,
        _ => null,
    };

    internal static string Dropped(Holdout holdout) => holdout.DroppedRows == 0
        ? string.Empty
        : $"; dropped {holdout.DroppedRows.ToString(CultureInfo.InvariantCulture)} rows with missing inputs";
}
