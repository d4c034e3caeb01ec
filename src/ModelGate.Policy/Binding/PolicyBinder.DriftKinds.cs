using ModelGate.Core.Plan;
using ModelGate.Policy.Model;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>Feature drift, prediction drift, leakage and reject-rate checks.</summary>
internal sealed partial class PolicyBinder
{
    public static readonly string[] DriftKeys = ["id", "severity", "optional", "slices", "features", "reference", "bins", "alpha", "correction", "psi", "drifted_share"];
    public static readonly string[] PredictionDriftKeys = ["id", "severity", "optional", "slices", "against", "bins", "psi", "ks", "wasserstein"];
    public static readonly string[] RejectRateKeys = ["id", "severity", "optional", "slices", "confidence", "abstained_share", "selective_accuracy"];
    public static readonly string[] LeakageKeys = ["id", "severity", "optional", "slices", "features", "duplicates", "conflicting_labels", "label_proxy"];

    /// <summary>The check kinds that take 'slices' to be judged per group as well (see SliceScope).</summary>
    private static readonly string[] PerSliceKinds = ["drift", "prediction_drift", "leakage", "reject_rate", "robustness"];

    private static readonly (string, MultipleTesting)[] Corrections = [("benjamini_hochberg", MultipleTesting.BenjaminiHochberg), ("holm", MultipleTesting.Holm)];
    private static readonly (string, PredictionDriftReference)[] DriftReferences = [("baseline", PredictionDriftReference.Baseline), ("train", PredictionDriftReference.Train)];

    private readonly Dictionary<string, string> _driftReferences = new(StringComparer.Ordinal);

    private BoundCheck? BindDrift(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "drift", DriftKeys);
        var (id, severity) = Common(map, "drift");
        var features = FeatureList(map, ColumnUsage.Drift(id));

        var referenceNode = _read.Scalar(map, "reference", "a path to a reference data file");
        string? reference = null;
        if (referenceNode is not null)
        {
            reference = ResolvePath(referenceNode);
            _driftReferences[id] = reference;
        }
        else if (_data is not null && _data.Train is null)
        {
            _read.Error(kind.Location, "drift needs a reference: set 'reference' (a data file) or data.train (a sample of the training data)");
        }

        var psi = Budget(map, "psi", body => NonNegative(body, "at_most", "0 or more, e.g. 0.2"));
        var share = Budget(map, "drifted_share", body => _read.NumberIn(body, "at_most", 0, 1, "between 0 and 1, e.g. 0.1"));
        RequireBound(kind, map, ["psi", "drifted_share"], "psi: { at_most: 0.2 } and/or drifted_share: { at_most: 0 }");

        var spec = new DriftCheckSpec
        {
            Id = id,
            Title = "Feature drift",
            Severity = severity,
            Location = kind.Location,
            Features = features,
            ReferenceName = reference is null ? "the train sample" : Path.GetFileName(reference),
            Bins = (int)(_read.Integer(map, "bins", 2, "2 or more") ?? 10),
            Alpha = _read.NumberIn(map, "alpha", 0, 1, "between 0 and 1, e.g. 0.05", openMin: true, openMax: true) ?? 0.05,
            Correction = _read.Choice(map, "correction", Corrections) ?? MultipleTesting.BenjaminiHochberg,
            PsiAtMost = psi,
            DriftedShareAtMost = share,
        };
        return new BoundCheck(id, kind.Location, [spec]);
    }

    private BoundCheck? BindPredictionDrift(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "prediction_drift", PredictionDriftKeys);
        var (id, severity) = Common(map, "prediction_drift");
        var against = _read.Choice(map, "against", DriftReferences) ?? PredictionDriftReference.Baseline;
        if (against == PredictionDriftReference.Train && _data is not null && _data.Train is null)
        {
            _read.Error(kind.Location, "prediction_drift against train needs data.train (a sample of the training data), which is not set; add data.train or use 'against: baseline'");
        }

        var psi = Budget(map, "psi", body => NonNegative(body, "at_most", "0 or more, e.g. 0.1"));
        var ks = Budget(map, "ks", body => _read.NumberIn(body, "at_most", 0, 1, "between 0 and 1, e.g. 0.1"));
        var wasserstein = Budget(map, "wasserstein", body => NonNegative(body, "at_most", "0 or more, in score units"));
        RequireBound(kind, map, ["psi", "ks", "wasserstein"], "psi: { at_most: 0.1 }, ks: { at_most: 0.1 } or wasserstein: { at_most: ... }");

        var spec = new PredictionDriftCheckSpec
        {
            Id = id,
            Title = against == PredictionDriftReference.Baseline ? "Prediction drift (candidate vs baseline)" : "Prediction drift (train vs holdout)",
            Severity = severity,
            Location = kind.Location,
            Against = against,
            Bins = (int)(_read.Integer(map, "bins", 2, "2 or more") ?? 10),
            PsiAtMost = psi,
            KsAtMost = ks,
            WassersteinAtMost = wasserstein,
        };
        return new BoundCheck(id, kind.Location, [spec]);
    }

    private BoundCheck? BindLeakage(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "leakage", LeakageKeys);
        var (id, severity) = Common(map, "leakage");
        var features = FeatureList(map, ColumnUsage.Leakage(id));

        if (_data is not null && _data.Train is null)
        {
            _read.Error(kind.Location, "leakage needs data.train (a sample of the training data), which is not set; add data.train or remove this check");
        }

        var duplicates = Budget(map, "duplicates", body => _read.Integer(body, "at_most", 0, "0 or more (0 means no holdout row may repeat a train row)"));
        var conflicting = Budget(map, "conflicting_labels", body => _read.Integer(body, "at_most", 0, "0 or more"));
        var proxy = Budget(map, "label_proxy", body => _read.NumberIn(body, "at_most", 0, 1, "between 0 and 1, e.g. 0.98"));
        RequireBound(kind, map, ["duplicates", "conflicting_labels", "label_proxy"], "duplicates: { at_most: 0 }, conflicting_labels: { at_most: 0 } or label_proxy: { at_most: 0.98 }");

        var spec = new LeakageCheckSpec
        {
            Id = id,
            Title = "Train/holdout leakage",
            Severity = severity,
            Location = kind.Location,
            Features = features,
            DuplicatesAtMost = duplicates is null ? null : (int)Math.Min(duplicates.Value, int.MaxValue),
            ConflictingAtMost = conflicting is null ? null : (int)Math.Min(conflicting.Value, int.MaxValue),
            LabelProxyAtMost = proxy,
        };
        return new BoundCheck(id, kind.Location, [spec]);
    }

    private BoundCheck? BindRejectRate(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "reject_rate", RejectRateKeys);
        var (id, severity) = Common(map, "reject_rate");
        if (_task == Core.TaskKind.Regression)
        {
            _read.Error(kind.Location, "reject_rate applies to classification tasks, and this policy's task is regression; remove this check");
            return null;
        }

        var confidence = _read.NumberIn(map, "confidence", 0, 1, "between 0 and 1, e.g. 0.8 (the top-class probability below which the model abstains)", openMin: true);
        if (confidence is null && map["confidence"] is null)
        {
            _read.Error(kind.Location, "reject_rate needs 'confidence' (the top-class probability below which the model abstains, e.g. 0.8)");
        }

        var share = Budget(map, "abstained_share", body => _read.NumberIn(body, "at_most", 0, 1, "between 0 and 1, e.g. 0.2"));
        var accuracy = OneNumber(map, "selective_accuracy", "at_least", 0, 1, "between 0 and 1, e.g. 0.95");
        RequireBound(kind, map, ["abstained_share", "selective_accuracy"], "abstained_share: { at_most: 0.2 } and/or selective_accuracy: { at_least: 0.95 }");
        var spec = new RejectRateCheckSpec
        {
            Id = id,
            Title = "Reject rate (abstention)",
            Severity = severity,
            Location = kind.Location,
            ConfidenceThreshold = confidence ?? 0.5,
            AbstainedShareAtMost = share,
            SelectiveAccuracyAtLeast = accuracy,
        };
        return new BoundCheck(id, kind.Location, [spec]);
    }

    // 'features' names columns (or globs) the holdout and the reference must both have; none means the model inputs.
    private IReadOnlyList<string> FeatureList(MappingNode map, ColumnUsage usage)
    {
        var features = _read.TextList(map, "features", allowSingle: true) ?? [];
        foreach (var feature in features)
        {
            Column(feature, usage);
        }

        return [.. features.Select(f => f.Value)];
    }

    private void RequireBound(ScalarNode kind, MappingNode map, IReadOnlyList<string> bounds, string example)
    {
        if (bounds.All(b => map[b] is null))
        {
            _read.Error(kind.Location, $"{kind.Value} sets no bound; add {example}");
        }
    }
}
