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
    /// <summary>The features a drift check compares: the ones it names (globs matched against the header in header order), or every model input column.</summary>
    public static IReadOnlyList<string> Features(DriftCheckSpec spec, IReadOnlyList<string> header, IReadOnlyList<string> modelFeatures)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Features.Count == 0)
        {
            return modelFeatures;
        }

        return [.. spec.Features.SelectMany(f => Glob.IsPattern(f) ? header.Where(h => Glob.Matches(f, h)) : [f]).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Every drift check's feature samples, by check id; empty without drift checks.</summary>
    public static Dictionary<string, IReadOnlyList<FeatureSample>> Read(GatePolicy policy, Holdout holdout, IReadOnlyList<string> header, IReadOnlyList<string> modelFeatures,
        ResourceLimits limits, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(holdout);
        var samples = new Dictionary<string, IReadOnlyList<FeatureSample>>(StringComparer.Ordinal);
        foreach (var spec in policy.Checks.OfType<DriftCheckSpec>())
        {
            var path = policy.DriftReferences.TryGetValue(spec.Id, out var file) ? file : policy.Data.Train!;
            var features = Features(spec, header, modelFeatures);
            var referenceHeader = HoldoutReader.ReadColumnNames(path, limits: limits);
            var errors = ColumnValidation.Validate(policy with { ColumnReferences = [.. features.Select(f => new ColumnReference(f, ColumnUsage.Drift(spec.Id), spec.Location!))] }, referenceHeader, "drift reference");
            if (errors.Count > 0)
            {
                throw new ModelGate.Policy.Diagnostics.PolicyException(errors);
            }

            var kinds = policy.Data.ColumnTypes.ToDictionary(kv => kv.Key, kv => kv.Value == ColumnType.Text ? ColumnKind.Text : ColumnKind.Number, StringComparer.Ordinal);
            var reference = HoldoutReader.Read(path, new HoldoutReadOptions { Columns = features, Features = [], ColumnKinds = kinds, Limits = limits, Missing = policy.Data.Missing });
            samples[spec.Id] = [.. features.Select(f => Sample(f, reference, holdout))];
            log.Step($"drift '{spec.Id}': {features.Count.ToString(CultureInfo.InvariantCulture)} features, {NumberText.Count(reference.RowCount)} reference rows ({Path.GetFileName(path)}) vs {NumberText.Count(holdout.RowCount)} holdout rows");
        }

        return samples;
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
