using System.Diagnostics;
using System.Globalization;
using ModelGate.Core;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Limits;
using ModelGate.Core.Plan;
using ModelGate.Data;
using ModelGate.Data.Scores;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Outputs;
using ModelGate.Policy.Model;
using ModelGate.Reports;

namespace ModelGate.Engine.Scores;

/// <summary>
/// <c>check --scores</c>: the gate's inputs from score files instead of the models. The holdout is read as <c>check</c>
/// reads it, less the features (with <c>data.missing: drop</c> the features the score files name are read too, so the
/// same rows are dropped), and each
/// role's files are joined to it by row id, one row group at a time. A missing, duplicated or foreign row id, a file
/// made from another holdout, or shards decoded differently stop the run with the file, the row id and the fix.
/// Memory: the holdout's columns, one index of its row ids, and the score arrays; a score file is streamed.
/// </summary>
internal static class PrecomputedScores
{
    /// <summary>Reads the holdout and the score files, and joins them.</summary>
    public static GateInputs Load(GateRequest request, GatePolicy policy, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(log);
        var wall = Stopwatch.StartNew();
        var limits = request.Limits;
        var files = request.Scores!;
        var candidateSet = ScoreFileSet.Open("candidate", Files(files, "candidate"), limits);
        ScoreFileSet? baselineSet = null;
        if (files.TryGetValue("baseline", out var baselineFiles) && baselineFiles.Count > 0)
        {
            baselineSet = ScoreFileSet.Open("baseline", baselineFiles, limits);
        }
        else if (policy.Models.Baseline is not null)
        {
            throw new InputMappingException(
                "--scores: the policy has a baseline, but no baseline score files were given; add baseline=<file> (e.g. --scores candidate=c.parquet,baseline=b.parquet), or remove models.baseline from the policy.");
        }

        var header = HoldoutReader.ReadColumnNames(policy.Data.Holdout, limits: limits);
        // Features decide which rows exist only when rows with a missing one are dropped, and feed drift and leakage
        // checks (whose default features are the models'); otherwise they are not read at all.
        List<string> features = policy.Data.Missing == MissingPolicy.Drop || policy.Checks.Any(c => c is DriftCheckSpec or LeakageCheckSpec)
            ? [.. candidateSet.Header.Features.Concat(baselineSet?.Header.Features ?? []).Distinct(StringComparer.Ordinal)]
            : [];
        foreach (var feature in features.Where(f => !header.Contains(f, StringComparer.Ordinal)))
        {
            throw new HoldoutException(policy.Data.Holdout, null, feature, null,
                "the score files say the model read this column, but the holdout has no such column",
                "gate the holdout the scores were made from (--holdout)");
        }

        GateRun.ValidateColumns(policy, header);
        var needed = HoldoutColumnsNeeded.For(policy, header, [new ModelInputPlan("scores", features, InputLayout.Dense, [], IsText: false)]);
        var holdout = ReadHoldout(policy, needed, limits);
        var read = wall.Elapsed.TotalSeconds;
        var rows = RowIndex(holdout);
        var candidate = candidateSet.Join(holdout, rows, limits);
        var baseline = baselineSet?.Join(holdout, rows, limits);
        log.Step($"read {holdout.RowCount.ToString("N0", CultureInfo.InvariantCulture)} holdout rows and joined {Describe(candidateSet)}{(baselineSet is null ? string.Empty : " and " + Describe(baselineSet))} by row id{GateRun.Dropped(holdout)}; output '{candidate.OutputName}': {candidate.Reason}");
        if (policy.Checks.OfType<GeneralizationGapCheckSpec>().Any())
        {
            log.Warn("the generalization gap needs the candidate's scores on the train sample, which score files do not carry: it cannot be computed (inconclusive); gate it in a run that scores the models, or give it severity: warning");
        }

        var labelled = EvaluationBuilder.Label(policy, holdout, candidate, baseline);
        string Show(string path) => ReportComposer.DisplayPath(path, request.WorkingDirectory);
        var models = new List<ModelFingerprint> { candidateSet.Fingerprint(request.Overrides.CandidateVersion ?? policy.Models.CandidateVersion, Show) };
        if (baselineSet is not null)
        {
            models.Add(baselineSet.Fingerprint(request.Overrides.BaselineVersion ?? policy.Models.BaselineVersion, Show));
        }

        var scoreFiles = candidateSet.Files(Show).Concat(baselineSet?.Files(Show) ?? []).ToList();
        var runtime = candidateSet.Header.Runtime ?? new ScoringRuntime("not recorded", null, null, "not recorded", "not recorded");
        var timings = new StreamTimings(1, read, 0, 0, wall.Elapsed.TotalSeconds - read, wall.Elapsed.TotalSeconds);
        return new GateInputs(holdout, labelled, null, Measurements(candidateSet, baselineSet), models, scoreFiles, runtime, timings)
        {
            DriftFeatures = DriftInputs.Read(policy, holdout, header, needed.Features, limits, log),
            Leakage = DriftInputs.ReadLeakage(policy, holdout, header, needed.Features, limits),
        };
    }

    private static IReadOnlyList<string> Files(IReadOnlyDictionary<string, IReadOnlyList<string>> files, string role) =>
        files.TryGetValue(role, out var list) && list.Count > 0
            ? list
            : throw new InputMappingException("--scores names no candidate score file; pass candidate=<file> (e.g. --scores candidate=c.parquet,baseline=b.parquet).");

    // The holdout as check reads it when the models score it: the same columns and options, features let go chunk by chunk.
    private static Holdout ReadHoldout(GatePolicy policy, HoldoutColumnsNeeded needed, ResourceLimits limits)
    {
        var keep = needed.AfterScoring.ToHashSet(StringComparer.Ordinal);
        using var reader = HoldoutReader.Open(policy.Data.Holdout, needed.ToReadOptions(policy, limits) with { ChunkRows = StreamingScorer.DefaultChunkRows });
        var chunks = reader.ReadChunks().Select(c => c.Keep(keep)).ToList();
        return reader.ToHoldout(chunks);
    }

    private static Dictionary<string, int> RowIndex(Holdout holdout)
    {
        var index = new Dictionary<string, int>(holdout.RowCount, StringComparer.Ordinal);
        for (var i = 0; i < holdout.RowCount; i++)
        {
            var id = holdout.RowId(i);
            if (!index.TryAdd(id, i))
            {
                throw new HoldoutException(holdout.File, holdout.RowLine(i), null, id,
                    $"row id '{id}' appears twice (also on line {holdout.RowLine(index[id]).ToString(CultureInfo.InvariantCulture)}); score files are joined by row id",
                    "give every row its own id in data.id's column");
            }
        }

        return index;
    }

    private static ModelMeasurements? Measurements(ScoreFileSet candidate, ScoreFileSet? baseline)
    {
        if (candidate.Header.Model?.Bytes is not { } candidateBytes)
        {
            return null;
        }

        return new ModelMeasurements(candidateBytes, baseline?.Header.Model?.Bytes, candidate.Latency(), baseline?.Latency() ?? []);
    }

    private static string Describe(ScoreFileSet set) =>
        $"{set.Count.ToString(CultureInfo.InvariantCulture)} {set.Role} score file{(set.Count == 1 ? string.Empty : "s")}";
}
