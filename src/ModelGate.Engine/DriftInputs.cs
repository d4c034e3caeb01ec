using System.Globalization;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Limits;
using ModelGate.Core.Plan;
using ModelGate.Core.Text;
using ModelGate.Data;
using ModelGate.Policy.Model;

namespace ModelGate.Engine;

/// <summary>
/// The feature values drift checks compare: each check's features from the holdout and from its reference (the file it
/// names, or data.train), read with missing values kept as missing (the missing-value policy is the models').
/// </summary>
internal static class DriftInputs
{
    /// <summary>The features a leakage check compares: as for a drift check.</summary>
    public static IReadOnlyList<string> Features(LeakageCheckSpec spec, IReadOnlyList<string> header, IReadOnlyList<string> modelFeatures)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Features(spec.Features, header, modelFeatures);
    }

    /// <summary>The features a drift check compares: the ones it names (globs matched against the header in header order), or every model input column.</summary>
    public static IReadOnlyList<string> Features(DriftCheckSpec spec, IReadOnlyList<string> header, IReadOnlyList<string> modelFeatures)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Features(spec.Features, header, modelFeatures);
    }

    /// <summary>Every drift check's feature samples, by check id; empty without drift checks.</summary>
    public static Dictionary<string, IReadOnlyList<FeatureSample>> Read(GatePolicy policy, Holdout holdout, IReadOnlyList<string> header, IReadOnlyList<string> modelFeatures,
        ResourceLimits limits, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(log);
        var samples = new Dictionary<string, IReadOnlyList<FeatureSample>>(StringComparer.Ordinal);
        foreach (var spec in policy.Checks.OfType<DriftCheckSpec>())
        {
            var path = policy.DriftReferences.TryGetValue(spec.Id, out var file) ? file : policy.Data.Train!;
            var features = Features(spec, header, modelFeatures);
            var reference = ReadReference(policy, path, features, ColumnUsage.Drift(spec.Id), spec.Location!, "drift reference", limits);
            samples[spec.Id] = [.. features.Select(f => Sample(f, reference, holdout))];
            log.Step($"drift '{spec.Id}': {features.Count.ToString(CultureInfo.InvariantCulture)} features, {NumberText.Count(reference.RowCount)} reference rows ({Path.GetFileName(path)}) vs {NumberText.Count(holdout.RowCount)} holdout rows");
        }

        return samples;
    }

    /// <summary>Every leakage check's train and holdout features and labels, by check id; empty without leakage checks.</summary>
    public static Dictionary<string, LeakageSample> ReadLeakage(GatePolicy policy, Holdout holdout, IReadOnlyList<string> header, IReadOnlyList<string> modelFeatures,
        ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(holdout);
        var samples = new Dictionary<string, LeakageSample>(StringComparer.Ordinal);
        foreach (var spec in policy.Checks.OfType<LeakageCheckSpec>())
        {
            var features = Features(spec.Features, header, modelFeatures);
            var columns = features.Contains(policy.Data.Label, StringComparer.Ordinal) ? features : [.. features, policy.Data.Label];
            var train = ReadReference(policy, policy.Data.Train!, columns, ColumnUsage.Leakage(spec.Id), spec.Location!, "train sample", limits);
            samples[spec.Id] = new LeakageSample(
                [.. features.Where(f => f != policy.Data.Label).Select(f => Sample(f, train, holdout))],
                Sample(policy.Data.Label, train, holdout),
                [.. Enumerable.Range(0, holdout.RowCount).Select(holdout.RowId)]);
        }

        return samples;
    }

    private static IReadOnlyList<string> Features(IReadOnlyList<string> named, IReadOnlyList<string> header, IReadOnlyList<string> modelFeatures) =>
        named.Count == 0
            ? modelFeatures
            : [.. named.SelectMany(f => Glob.IsPattern(f) ? header.Where(h => Glob.Matches(f, h)) : [f]).Distinct(StringComparer.Ordinal)];

    // The reference side is read whole, with missing values kept as missing; a column it lacks is a located policy error.
    private static Holdout ReadReference(GatePolicy policy, string path, IReadOnlyList<string> columns, ColumnUsage usage, Core.Plan.SourceLocation location, string what, ResourceLimits limits)
    {
        var referenceHeader = HoldoutReader.ReadColumnNames(path, limits: limits);
        var errors = ColumnValidation.Validate(policy with { ColumnReferences = [.. columns.Select(f => new ColumnReference(f, usage, location))] }, referenceHeader, what);
        if (errors.Count > 0)
        {
            throw new ModelGate.Policy.Diagnostics.PolicyException(errors);
        }

        var kinds = policy.Data.ColumnTypes.ToDictionary(kv => kv.Key, kv => kv.Value == ColumnType.Text ? ColumnKind.Text : ColumnKind.Number, StringComparer.Ordinal);
        return HoldoutReader.Read(path, new HoldoutReadOptions { Columns = columns, Features = [], ColumnKinds = kinds, Limits = limits, Missing = policy.Data.Missing });
    }

    private static FeatureSample Sample(string feature, Holdout reference, Holdout holdout)
    {
        var r = reference.Column(feature);
        var h = holdout.Column(feature);
        return IsCategory(r.Kind) || IsCategory(h.Kind)
            ? new FeatureSample(feature, null, null, r.ToText(), h.ToText())
            : new FeatureSample(feature, r.ToDoubles(), h.ToDoubles());
    }

    private static bool IsCategory(ColumnKind kind) => kind is ColumnKind.Text or ColumnKind.Boolean;
}
