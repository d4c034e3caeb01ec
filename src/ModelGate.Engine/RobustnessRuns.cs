using System.Diagnostics;
using System.Globalization;
using ModelGate.Core;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Limits;
using ModelGate.Core.Plan;
using ModelGate.Core.Robustness;
using ModelGate.Core.Text;
using ModelGate.Data;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Sessions;
using ModelGate.Policy.Diagnostics;
using ModelGate.Policy.Model;

namespace ModelGate.Engine;

/// <summary>The models and how they are fed, as the holdout's scoring pass used them.</summary>
/// <param name="Candidate">The candidate's session.</param>
/// <param name="Baseline">The baseline's session, when configured.</param>
/// <param name="Inputs">How the candidate is fed.</param>
/// <param name="BaselineInputs">How the baseline is fed, when configured.</param>
/// <param name="Request">What to read from the outputs.</param>
internal sealed record RobustnessModels(OnnxModel Candidate, OnnxModel? Baseline, IReadOnlyList<ModelInputPlan> Inputs, IReadOnlyList<ModelInputPlan>? BaselineInputs, ScoreRequest Request);

/// <summary>
/// Runs every robustness check's perturbed copies: the features' scale comes from one streamed pass over data.train (or
/// the holdout), then each copy streams the holdout through both models exactly like the scoring pass, its chunks
/// perturbed on the way in (<see cref="StreamingScorer.Perturb"/>). One copy's scores are alive at a time; they are
/// reduced per row (<see cref="PerturbationTally"/>) before the next copy starts, so no copy of the data is kept.
/// </summary>
/// <remarks>
/// Image (noise, brightness, blur) and text (typos) perturbations are not applied to the chunk: a
/// <see cref="MediaPerturber"/> goes with the copy to <see cref="StreamingScorer.MediaPerturber"/>, which perturbs the
/// decoded pixels and the texts while each chunk's media inputs are computed.
/// </remarks>
internal static class RobustnessRuns
{
    /// <summary>Distinct values a swapped column may have.</summary>
    public const int MaxLevels = 10_000;

    /// <summary>Every robustness check's perturbed rows, by check id; empty without robustness checks.</summary>
    public static async Task<Dictionary<string, RobustnessSample>> RunAsync(GatePolicy policy, RobustnessModels models, EvaluationBuilder.Labelled labelled,
        IReadOnlyList<string> header, ResourceLimits limits, IRunLog log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(log);
        var samples = new Dictionary<string, RobustnessSample>(StringComparer.Ordinal);
        var plans = models.BaselineInputs is null ? models.Inputs : [.. models.Inputs, .. models.BaselineInputs];
        foreach (var spec in policy.Checks.OfType<RobustnessCheckSpec>())
        {
            var watch = Stopwatch.StartNew();
            var (steps, source) = Resolve(policy, spec, plans, header, limits);
            var tolerance = policy.Task == TaskKind.Regression ? spec.Tolerance ?? PerturbationTally.DefaultTolerance(labelled.Targets) : double.NaN;
            var candidate = new PerturbationTally(policy.Task, labelled.ClassLabels, labelled.Targets, labelled.Candidate, policy.Models.DecisionThreshold, tolerance);
            var baseline = labelled.Baseline is null ? null
                : new PerturbationTally(policy.Task, labelled.ClassLabels, labelled.Targets, labelled.Baseline, policy.Models.DecisionThreshold, tolerance);
            var options = HoldoutColumnsNeeded.ForTrain(policy, plans).ToReadOptions(policy, limits, withRowIds: false);
            for (var repeat = 0; repeat < spec.Repeats; repeat++)
            {
                cancellation.ThrowIfCancellationRequested();
                var perturber = new Perturber(steps, spec.Seed, repeat);
                var media = new MediaPerturber(spec.Perturbations, spec.Seed, repeat);
                var streamed = await new StreamingScorer(models.Candidate, models.Baseline, models.Inputs, models.Request)
                    {
                        KeepAfterScoring = [policy.Data.Label],
                        BaselineInputs = models.BaselineInputs,
                        Perturb = steps.Count == 0 ? null : chunk => Perturb(chunk, perturber, steps),
                        MediaPerturber = media.HasImages || media.HasTexts ? media : null,
                    }
                    .ScoreAsync(policy.Data.Holdout, options, cancellation).ConfigureAwait(false);
                var copy = EvaluationBuilder.Label(policy, streamed.Holdout,
                    OutputClasses.Name("candidate", models.Candidate.Path, streamed.Candidate, policy.Task, policy.Models.Classes),
                    streamed.Baseline is null ? null : OutputClasses.Name("baseline", models.Baseline!.Path, streamed.Baseline, policy.Task, policy.Models.Classes));
                candidate.Add(copy.Candidate);
                baseline?.Add(copy.Baseline!);
            }

            samples[spec.Id] = new RobustnessSample(candidate.Result(), baseline?.Result(), source, tolerance);
            log.Step(string.Create(CultureInfo.InvariantCulture,
                $"robustness '{spec.Id}': {spec.Repeats} perturbed copies ({string.Join(" + ", spec.Perturbations.Select(p => p.Describe()))}; scale from {source}) scored by {(models.Baseline is null ? "the candidate" : "candidate and baseline")} in {watch.Elapsed.TotalSeconds:0.00} s"));
        }

        return samples;
    }

    // Each perturbation's columns with their mean, standard deviation and observed values, from data.train or the holdout.
    private static (List<ResolvedPerturbation> Steps, string Source) Resolve(GatePolicy policy, RobustnessCheckSpec spec, IReadOnlyList<ModelInputPlan> plans,
        IReadOnlyList<string> header, ResourceLimits limits)
    {
        var numeric = plans.Where(p => !p.IsText).SelectMany(p => p.Columns).Distinct(StringComparer.Ordinal).ToList();
        var all = plans.SelectMany(p => p.Columns).ToHashSet(StringComparer.Ordinal);
        var swapped = spec.Perturbations.Where(p => p.Kind == PerturbationKind.Swap).SelectMany(p => Expand(p.Features, header)).ToHashSet(StringComparer.Ordinal);
        var columns = new List<(Perturbation Perturbation, IReadOnlyList<string> Columns)>();
        foreach (var p in spec.Perturbations.Where(p => !p.IsMedia))
        {
            IReadOnlyList<string> named = p.Features.Count == 0 ? [.. numeric.Where(c => !swapped.Contains(c))] : Expand(p.Features, header);
            foreach (var c in named.Where(c => !all.Contains(c) || (p.Kind != PerturbationKind.Swap && !numeric.Contains(c))))
            {
                throw Error(spec, all.Contains(c)
                    ? $"robustness '{spec.Id}' adds {p.Kind.ToString().ToLowerInvariant()} to '{c}', a text input; noise and dropout apply to numeric inputs (use swap for categories)"
                    : $"robustness '{spec.Id}' perturbs '{c}', which no model reads; perturb model inputs only");
            }

            columns.Add((p, named));
        }

        if (columns.Count == 0)
        {
            // Only image and text perturbations: they need no column scale.
            return ([], "holdout");
        }

        var source = policy.Data.Train is null ? "holdout" : "train";
        var path = policy.Data.Train ?? policy.Data.Holdout;
        var needed = columns.SelectMany(c => c.Columns).Distinct(StringComparer.Ordinal).ToList();
        var facts = Scan(policy, spec, path, needed, swapped, limits);
        return ([.. columns.Select(c => new ResolvedPerturbation(c.Perturbation, [.. c.Columns.Select(n => facts[n])]))], source);
    }

    private static List<string> Expand(IReadOnlyList<string> named, IReadOnlyList<string> header) =>
        [.. named.SelectMany(f => Glob.IsPattern(f) ? header.Where(h => Glob.Matches(f, h)) : [f]).Distinct(StringComparer.Ordinal)];

    // One streamed pass: Welford mean and variance of each numeric column (missing values skipped), distinct values of swapped ones.
    private static Dictionary<string, FeatureFacts> Scan(GatePolicy policy, RobustnessCheckSpec spec, string path, IReadOnlyList<string> columns,
        HashSet<string> swapped, ResourceLimits limits)
    {
        var fileHeader = HoldoutReader.ReadColumnNames(path, limits: limits);
        var errors = ColumnValidation.Validate(policy with { ColumnReferences = [.. columns.Select(f => new ColumnReference(f, ColumnUsage.Robustness(spec.Id), spec.Location!))] }, fileHeader, "train sample");
        if (errors.Count > 0)
        {
            throw new PolicyException(errors);
        }

        var kinds = policy.Data.ColumnTypes.ToDictionary(kv => kv.Key, kv => kv.Value == ColumnType.Text ? ColumnKind.Text : ColumnKind.Number, StringComparer.Ordinal);
        var moments = columns.ToDictionary(c => c, _ => (N: 0L, Mean: 0.0, M2: 0.0), StringComparer.Ordinal);
        var numbers = swapped.ToDictionary(c => c, _ => new SortedSet<double>(), StringComparer.Ordinal);
        var texts = swapped.ToDictionary(c => c, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var isText = new HashSet<string>(StringComparer.Ordinal);
        using var reader = HoldoutReader.Open(path, new HoldoutReadOptions { Columns = columns, Features = [], ColumnKinds = kinds, Limits = limits, Missing = policy.Data.Missing });
        while (reader.ReadChunk() is { } chunk)
        {
            foreach (var name in columns)
            {
                var column = chunk.Columns[name];
                if (column.Kind == ColumnKind.Text)
                {
                    isText.Add(name);
                }

                for (var i = 0; i < chunk.RowCount; i++)
                {
                    if (column.IsMissing(i))
                    {
                        continue;
                    }

                    if (column.Kind == ColumnKind.Text)
                    {
                        Level(texts, name, column.ValueAsText(i)!, spec);
                        continue;
                    }

                    var x = column.ValueAsDouble(i);
                    var (n, mean, m2) = moments[name];
                    var delta = x - mean;
                    mean += delta / (n + 1);
                    moments[name] = (n + 1, mean, m2 + (delta * (x - mean)));
                    if (swapped.Contains(name))
                    {
                        Level(numbers, name, x, spec);
                    }
                }
            }
        }

        return columns.ToDictionary(c => c, c =>
        {
            var (n, mean, m2) = moments[c];
            return new FeatureFacts(c, n == 0 ? double.NaN : mean, n < 2 ? 0 : Math.Sqrt(m2 / (n - 1)),
                swapped.Contains(c) && !isText.Contains(c) ? [.. numbers[c]] : null,
                swapped.Contains(c) && isText.Contains(c) ? [.. texts[c]] : null);
        }, StringComparer.Ordinal);
    }

    private static void Level<T>(Dictionary<string, SortedSet<T>> levels, string name, T value, RobustnessCheckSpec spec)
    {
        if (levels.TryGetValue(name, out var set) && set.Add(value) && set.Count > MaxLevels)
        {
            throw Error(spec, $"robustness '{spec.Id}' swaps the values of '{name}', which has more than {NumberText.Count(MaxLevels)} distinct values; swap categorical columns only (add noise to numeric ones)");
        }
    }

    // A copy of the perturbed columns, changed in place by the perturber; every other column is shared with the chunk read.
    private static HoldoutChunk Perturb(HoldoutChunk chunk, Perturber perturber, IReadOnlyList<ResolvedPerturbation> steps)
    {
        var names = steps.SelectMany(s => s.Features).Select(f => f.Name).Distinct(StringComparer.Ordinal).ToList();
        var numbers = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var column = chunk.Columns[name];
            if (column.Kind == ColumnKind.Text)
            {
                texts[name] = column.ToText();
            }
            else
            {
                numbers[name] = column.ToDoubles();
            }
        }

        perturber.Apply(chunk.RowCount, numbers, texts);
        var replaced = new Dictionary<string, HoldoutColumn>(StringComparer.Ordinal);
        foreach (var (name, values) in numbers)
        {
            replaced[name] = new NumberColumn(name, values);
        }

        foreach (var (name, values) in texts)
        {
            var categories = values.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
            replaced[name] = new TextColumn(name, [.. values.Select(v => v is null ? -1 : index[v])], categories);
        }

        return chunk.With(replaced);
    }

    private static PolicyException Error(RobustnessCheckSpec spec, string message) =>
        new([new PolicyDiagnostic(spec.Location!, DiagnosticLevel.Error, message)]);
}
