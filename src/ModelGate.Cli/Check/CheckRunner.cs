using System.Diagnostics;
using System.Globalization;
using ModelGate.Cli.Commands;
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
using ModelGate.Policy;
using ModelGate.Policy.Model;
using ModelGate.Reports;
using ModelGate.Reports.Files;

namespace ModelGate.Cli.Check;

using Policy = ModelGate.Policy.Model.Policy;

/// <summary>
/// <c>modelgate check</c>, step by step: policy, holdout, models, scores, verdicts, report files, then (and only
/// then) GitHub. The report files are written before any network call, so no fault of GitHub's loses them.
/// </summary>
public sealed class CheckRunner(CliConsole console)
{
    private readonly RunLog _log = new(console.Error);

    /// <summary>Runs the gate and returns the exit code.</summary>
    public async Task<int> RunAsync(CheckOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.StartNew();
        var credentials = options.Pushgateway is null ? null : MetricsPush.Credentials(console);
        var now = Clock.Now(console);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var policy = LoadPolicy(options, today);
        OutputPreflight.Check(options, console);
        cancellation.ThrowIfCancellationRequested();

        var device = DeviceRequest.TryParse(options.Device)
            ?? throw new UsageException($"--device '{options.Device}' is not one of auto, cpu, cuda, cuda:N.");
        var limits = options.Guard.ResourceLimits();

        // Sized (external data included) before ONNX Runtime maps a byte of it.
        var candidateFiles = ModelFiles.Of(policy.Models.Candidate, limits);
        var baselineFiles = policy.Models.Baseline is null ? null : ModelFiles.Of(policy.Models.Baseline, limits);
        using var runtime = OnnxRuntime.Open(RuntimeSetup.Options(console, options.OnnxRuntime, device, (level, line) => _log.Warn($"onnxruntime {level}: {line}")));
        var settings = new SessionSettings
        {
            Device = device,
            BatchSize = options.BatchSize ?? SessionSettings.DefaultBatchSize,
            BatchTimeBudget = RuntimeSetup.BatchTimeBudget(console),
        };
        using var candidate = runtime.LoadModel(policy.Models.Candidate, settings);
        using var baseline = policy.Models.Baseline is null ? null : runtime.LoadModel(policy.Models.Baseline, settings);
        _log.Step($"ONNX Runtime {runtime.Version} {runtime.Build} build ({runtime.HowFound}: {runtime.LibraryPath}); device {candidate.Device.Device} via {candidate.Device.Provider}: {candidate.Device.Reason}");

        var header = HoldoutReader.ReadColumnNames(policy.Data.Holdout, limits: limits);
        var inputs = ModelInputPlan.For(policy.Data, candidate.Signature, header, policy.Data.Holdout);
        var needed = HoldoutColumnsNeeded.For(policy, header, inputs);
        var columnErrors = policy.ValidateAgainstColumns(header);
        if (columnErrors.Count > 0)
        {
            throw new ModelGate.Policy.Diagnostics.PolicyException(columnErrors);
        }

        var request = new ScoreRequest
        {
            Task = policy.Task,
            OutputName = policy.Models.Output,
            Kind = policy.Task == TaskKind.Regression ? ScoreKind.Regression : ScoreKindOf(policy.Models.Scores),
        };
        var streamed = await new StreamingScorer(candidate, baseline, inputs, request)
            {
                MinimumFirstChunkRows = StreamingScorer.LatencyRows(policy.Checks),
                KeepAfterScoring = needed.AfterScoring,
            }
            .ScoreAsync(policy.Data.Holdout, needed.ToReadOptions(policy, limits), cancellation).ConfigureAwait(false);
        var (holdout, columnsRead, candidateScores, baselineScores, candidateInputs, baselineInputs, timings) = streamed;
        _log.Step($"read {holdout.RowCount.ToString("N0", CultureInfo.InvariantCulture)} holdout rows, {columnsRead} columns ({holdout.Columns.Count} kept after scoring) and scored {(baseline is null ? "the candidate" : "candidate and baseline")} ({RunLog.Rate(holdout.RowCount, TimeSpan.FromSeconds(timings.WallSeconds))}){Dropped(holdout)}; output '{candidateScores.OutputName}': {candidateScores.Reason}");
        _log.Step(string.Create(CultureInfo.InvariantCulture, $"stages (busy s, overlapped): read {timings.ReadSeconds:0.00}, candidate {timings.CandidateSeconds:0.00}, baseline {timings.BaselineSeconds:0.00}, assemble {timings.AssembleSeconds:0.00}; wall {timings.WallSeconds:0.00} in {timings.Chunks} chunks"));
        cancellation.ThrowIfCancellationRequested();

        var labelled = EvaluationBuilder.Label(policy, holdout, candidateScores, baselineScores);
        var train = Train(policy, candidate, inputs, needed, request, limits);
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
            Measurements = Measure(policy, (candidate, candidateFiles), baseline is null ? null : (baseline, baselineFiles!), candidateInputs, baselineInputs),
        };

        var watch = Stopwatch.StartNew();
        var result = ReportComposer.WithDisplayPaths(GateEvaluator.Evaluate(policy.ToGatePlan(), data, today), console.WorkingDirectory);
        _log.Step($"judged {result.Checks.Count} checks with {policy.Statistics.Resamples.ToString(CultureInfo.InvariantCulture)} paired resamples in {watch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
        foreach (var c in result.Checks.Where(c => c.UndetectableBound is not null))
        {
            _log.Warn($"check '{c.Spec.Id}': the smallest detectable change on these {NumberText.Count(result.Rows)} rows is {NumberText.Value(c.UndetectableBound!.Value)}, larger than its bound ({c.Threshold}): the holdout is too small to confirm it; add rows or allow a larger change");
        }
        cancellation.ThrowIfCancellationRequested();

        var outDir = console.ResolvePath(options.OutDir);
        var facts = Facts(options, policy, holdout, train?.File, (candidate, candidateFiles), baseline is null ? null : (baseline, baselineFiles!), runtime, now) with
        {
            Run = RunOrigin.From(console, options.PullRequest),
            DurationSeconds = started.Elapsed.TotalSeconds,
        };
        var context = ReportComposer.Context(facts, result, holdout, policy.Report.ShowColumns, policy.Report.MaxFlippedRows, data,
            $"the full report is in `{ReportComposer.DisplayPath(Path.Combine(outDir, "report.md"), console.WorkingDirectory)}` (job summary and artifact)");
        var written = ReportWriter.WriteAll(ReportComposer.Files(result, context, outDir, options.Formats));

        var table = ConsoleReport.Render(result, context, colors: console.IsTerminal);
        await console.Out.WriteAsync(table.EndsWith('\n') ? table : table + "\n").ConfigureAwait(false);
        foreach (var path in written.Written)
        {
            _log.Step($"wrote {ReportComposer.DisplayPath(path, console.WorkingDirectory)}");
        }

        var exitCode = GateExitCode.For(result, options.FailOn);
        if (options.Pushgateway is { } gateway)
        {
            exitCode = await new MetricsPush(console, _log).PushAsync(options, gateway, credentials!, result, context, exitCode, cancellation).ConfigureAwait(false);
        }

        if (options.GitHub || options.GitHubSummaryOnly)
        {
            exitCode = await new GitHubPublishing(console, _log).PublishAsync(options, policy, result, context, exitCode, cancellation).ConfigureAwait(false);
        }

        foreach (var failure in written.Failures)
        {
            await console.Error.WriteLineAsync($"modelgate: {failure.Message}").ConfigureAwait(false);
        }

        return written.Failures.Count > 0 && exitCode == ExitCodes.Passed ? ExitCodes.EnvironmentError : exitCode;
    }

    private Policy LoadPolicy(CheckOptions options, DateOnly today)
    {
        var path = console.ResolvePath(options.PolicyPath);
        if (!File.Exists(path))
        {
            throw new UsageException(
                $"policy file not found: {ReportComposer.DisplayPath(path, console.WorkingDirectory)}. Pass --policy <file>, or run 'dotnet modelgate init --model <candidate.onnx> --holdout <data.csv>' to write one.");
        }

        var loaded = PolicyLoader.Load(path, today, options.Guard.PolicyOptions(console));
        foreach (var warning in loaded.Warnings)
        {
            _log.Warn(warning.ToString());
        }

        return PolicyOverrides.Apply(loaded.GetPolicyOrThrow(), options, console);
    }

    private (TrainSample Sample, Holdout File)? Train(Policy policy, ModelGate.Onnx.Sessions.OnnxModel candidate, IReadOnlyList<ModelInputPlan> inputs, HoldoutColumnsNeeded needed, ScoreRequest request, ResourceLimits limits)
    {
        if (policy.Data.Train is null || !policy.Checks.OfType<GeneralizationGapCheckSpec>().Any())
        {
            return null;
        }

        var train = HoldoutReader.Read(policy.Data.Train, needed.ToReadOptions(policy, limits, withRowIds: false));
        var scored = candidate.Score(inputs.Select(i => i.ToModelInput(train)).ToList(), request);
        var labelled = EvaluationBuilder.Label(policy, train, scored, null);
        _log.Step($"scored the candidate on {train.RowCount.ToString("N0", CultureInfo.InvariantCulture)} train rows for the generalization gap");
        return (new TrainSample(labelled.ClassLabels, labelled.Targets, labelled.Candidate), train);
    }

    private ModelMeasurements Measure(Policy policy, (OnnxModel Session, ModelFiles Files) candidateModel, (OnnxModel Session, ModelFiles Files)? baselineModel,
        ModelGate.Onnx.Inputs.PreparedInputs candidateInputs, ModelGate.Onnx.Inputs.PreparedInputs? baselineInputs)
    {
        var candidate = candidateModel.Session;
        var baseline = baselineModel?.Session;
        var latency = policy.Checks.OfType<LatencyCheckSpec>().Select(c => c.BatchSize).Distinct().ToList();
        const int Calls = 50;
        var candidateLatency = latency.Select(b => candidate.MeasureLatency(candidateInputs, b, Calls)).ToList();
        var baselineLatency = baseline is null ? [] : latency.Select(b => baseline.MeasureLatency(baselineInputs!, b, Calls)).ToList();
        if (latency.Count > 0)
        {
            _log.Step($"measured latency at batch size(s) {string.Join(", ", latency)} over {Calls} calls each");
        }

        return new ModelMeasurements(candidateModel.Files.TotalBytes, baselineModel?.Files.TotalBytes, candidateLatency, baselineLatency);
    }

    private RunFacts Facts(CheckOptions options, Policy policy, Holdout holdout, Holdout? train, (OnnxModel Session, ModelFiles Files) candidateModel,
        (OnnxModel Session, ModelFiles Files)? baselineModel, OnnxRuntime runtime, DateTimeOffset now)
    {
        string Show(string path) => ReportComposer.DisplayPath(path, console.WorkingDirectory);
        var (candidate, candidateFiles) = candidateModel;

        // Size and hash cover external-data files: swapping the weights must change the provenance.
        var fingerprints = new List<ModelFingerprint>
        {
            new("candidate", Show(candidate.Path), candidateFiles.Sha256(), candidateFiles.TotalBytes,
                RunOrigin.ModelVersion(options.CandidateVersion ?? policy.Models.CandidateVersion, candidate.Signature.Metadata)),
        };
        if (baselineModel is { } baseline)
        {
            fingerprints.Add(new("baseline", Show(baseline.Files.Model), baseline.Files.Sha256(), baseline.Files.TotalBytes,
                RunOrigin.ModelVersion(options.BaselineVersion ?? policy.Models.BaselineVersion, baseline.Session.Signature.Metadata)));
        }

        var data = new List<DataFingerprint> { new("holdout", Show(holdout.File), holdout.Sha256, holdout.RowCount) };
        if (train is not null)
        {
            data.Add(new("train", Show(train.File), train.Sha256, train.RowCount));
        }

        return new RunFacts(options.GateKey, now, Show(policy.File), ReportComposer.Sha256Of(policy.File), fingerprints, data,
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
