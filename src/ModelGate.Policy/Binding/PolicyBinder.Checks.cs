using System.Text.RegularExpressions;
using ModelGate.Core;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Policy.Model;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>checks: dispatch, ids, severities, bounds shared by the kinds.</summary>
internal sealed partial class PolicyBinder
{
    public static readonly string[] MetricCheckKeys = ["id", "severity", "optional", "metric", "at_least", "at_most", "max_drop", "max_increase", "max_relative_drop", "max_relative_increase", "min_improvement", "test"];

    private static readonly string[] BaselineKeys = ["max_drop", "max_increase", "max_relative_drop", "max_relative_increase", "min_improvement", "max_drop_per_group", "negative_flips", "negative_flip_rate"];
    private static readonly (string, ComparisonTest)[] Tests = [("bootstrap", ComparisonTest.Bootstrap), ("mcnemar", ComparisonTest.McNemar), ("delong", ComparisonTest.DeLong)];

    private static readonly HashSet<string> ProbabilityMetrics = new(StringComparer.Ordinal)
    {
        "roc_auc", "roc_auc_weighted", "average_precision", "log_loss", "brier", "ece", "ece_adaptive", "classwise_ece", "ece_positive", "mce",
        "top_2_accuracy", "top_3_accuracy", "top_5_accuracy",
    };

    private readonly List<SafetySet> _safety = [];

    /// <summary>A check as written: its id, where, and the Core specs it became.</summary>
    private sealed record BoundCheck(string Id, SourceLocation Location, IReadOnlyList<CheckSpec> Specs);

    private (List<BoundCheck> Checks, List<SafetySet> Safety) BindChecks(MappingNode root)
    {
        var checks = new List<BoundCheck>();
        var node = Reading.Value(root, "checks");
        if (node is null)
        {
            return (checks, _safety);
        }

        if (node is not SequenceNode list)
        {
            _read.Error(node.Location, $"'checks' must be a list of checks (each line starting with '- '), got {node.Describe()}");
            return (checks, _safety);
        }

        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            var bound = BindCheck(item);
            if (bound is null)
            {
                continue;
            }

            if (seen.TryGetValue(bound.Id, out var first))
            {
                _read.Error(bound.Location, $"duplicate check id '{bound.Id}' (also used on line {first.Line}{(first.File == bound.Location.File ? string.Empty : " of " + first.File)}); give each check a distinct 'id:'");
                continue;
            }

            seen[bound.Id] = bound.Location;
            if (item is MappingNode written && Optional(written) is true)
            {
                bound = bound with { Specs = [.. bound.Specs.Select(s => s with { Optional = true })] };
            }

            if (item is MappingNode scoped && PerSlice(scoped) is { } perSlice)
            {
                bound = bound with { Specs = [.. bound.Specs.Select(s => s with { PerSlice = perSlice })] };
            }

            checks.Add(bound);
            WarnMissingBaseline(bound, item);
            WarnZeroChangeBound(bound, item);
        }

        return (checks, _safety);
    }

    private BoundCheck? BindCheck(PolicyNode item)
    {
        if (item is not MappingNode map)
        {
            _read.Error(item.Location, $"each check must be a mapping such as '- metric: roc_auc', got {item.Describe()}");
            return null;
        }

        var kinds = map.Entries.Where(e => CheckIds.Kinds.Contains(e.Key.Value)).ToList();
        if (kinds.Count == 0 && map["metric"] is not null)
        {
            return BindMetricCheck(map);
        }

        if (kinds.Count == 0)
        {
            var key = map.Entries.Count > 0 ? map.Entries[0].Key : null;
            var typed = key?.Value ?? string.Empty;
            var names = CheckIds.Kinds.Prepend("metric").ToList();
            _read.Error(key?.Location ?? map.Location, $"unknown check kind '{typed}'{Suggestions.DidYouMean(typed, names)} (valid kinds: {string.Join(", ", names)})");
            return null;
        }

        if (map.Entries.Count > 1)
        {
            var kind = kinds[0].Key.Value;
            var other = map.Entries.First(e => e.Key.Value != kind).Key;
            _read.Error(other.Location, kinds.Count > 1
                ? $"one check per list item: '{kind}' and '{kinds[1].Key.Value}' are both here; start the second with its own '- '"
                : $"'{other.Value}' belongs inside '{kind}:' (indent it under {kind}), not beside it");
            return null;
        }

        var (name, value) = (kinds[0].Key, kinds[0].Value);
        var body = _read.Map(value, name.Value);
        if (body is null)
        {
            if (value is ScalarNode { IsNull: true })
            {
                _read.Error(name.Location, $"'{name.Value}' needs its settings, e.g. {Example(name.Value)}");
            }

            return null;
        }

        return name.Value switch
        {
            "generalization_gap" => BindGeneralizationGap(name, body),
            "calibration" => BindCalibration(name, body),
            "subgroups" => BindSubgroups(name, body),
            "fairness" => BindFairness(name, body),
            "safety" => BindSafety(name, body),
            "latency" => BindLatency(name, body),
            "drift" => BindDrift(name, body),
            "prediction_drift" => BindPredictionDrift(name, body),
            "leakage" => BindLeakage(name, body),
            "reject_rate" => BindRejectRate(name, body),
            "rolling_window" => BindRollingWindow(name, body),
            "resource_cost" => BindResourceCost(name, body),
            "robustness" => BindRobustness(name, body),
            _ => BindModelSize(name, body),
        };
    }

    // 'optional: true' sits in the check's own settings (or beside 'metric:' for a metric check).
    private bool? Optional(MappingNode item)
    {
        if (item["metric"] is not null)
        {
            return _read.Boolean(item, "optional");
        }

        var kind = item.Entries.FirstOrDefault(e => CheckIds.Kinds.Contains(e.Key.Value));
        return kind.Value is MappingNode body ? _read.Boolean(body, "optional") : null;
    }

    // 'slices' on a drift, prediction_drift, leakage or reject_rate check: judge each group of those slices as well.
    private IReadOnlyList<string>? PerSlice(MappingNode item)
    {
        var kind = item.Entries.FirstOrDefault(e => PerSliceKinds.Contains(e.Key.Value));
        return kind.Value is MappingNode body && body["slices"] is not null ? SliceRefs(body, kind.Key.Value) : null;
    }

    private static string Example(string kind) => kind switch
    {
        "generalization_gap" => "{ metric: roc_auc, at_most: 0.05 }",
        "calibration" => "{ metric: ece, at_most: 0.05 }",
        "subgroups" => "{ slices: [sex], metric: recall, worst_group_at_least: 0.7 }",
        "fairness" => "{ slices: [sex], demographic_parity_ratio: { at_least: 0.8 } }",
        "safety" => "{ name: ..., where: \"checks >= 3\", negative_flips: { at_most: 0 } }",
        "latency" => "{ batch_size: 1, p95_ms: { at_most: 5 } }",
        "drift" => "{ psi: { at_most: 0.2 }, drifted_share: { at_most: 0 } }",
        "prediction_drift" => "{ against: baseline, psi: { at_most: 0.1 } }",
        "leakage" => "{ duplicates: { at_most: 0 }, label_proxy: { at_most: 0.98 } }",
        "reject_rate" => "{ confidence: 0.8, abstained_share: { at_most: 0.2 } }",
        "rolling_window" => "{ metric: accuracy, order_by: date, period: month, latest_drop: { at_most: 0.05 } }",
        "resource_cost" => "{ cpu_seconds_per_1000_rows: { at_most: 0.05 }, peak_memory_mb: { max_relative_increase: 0.2 } }",
        "robustness" => "{ perturbations: [{ noise: { scale: 0.1 } }], flip_rate: { at_most: 0.05 } }",
        _ => "{ at_most: 50 }",
    };

    private (string Id, Severity Severity) Common(MappingNode map, string defaultId)
    {
        var id = _read.Text(map, "id");
        if (id is not null && !Regex.IsMatch(id, "^[A-Za-z0-9_.-]+$"))
        {
            _read.Error(map["id"]!.Location, $"check id '{id}' may hold only letters, digits, '_', '.' and '-' (it names the check in JUnit and annotations)");
        }

        var severity = _read.Choice(map, "severity", Severities) ?? Severity.Error;
        return (id ?? defaultId, severity);
    }

    private void WarnMissingBaseline(BoundCheck check, PolicyNode item)
    {
        if (_models is null || _models.Baseline is not null || !check.Specs.Any(s => s.NeedsBaseline))
        {
            return;
        }

        var key = FindKey(item, BaselineKeys) ?? "max_increase";
        _read.Warning(check.Location, $"check '{check.Id}' compares with the baseline ('{key}'), but models.baseline is not set; that comparison will be reported as skipped; add models.baseline or remove '{key}'");
    }

    // A change bound of exactly 0 can never be confirmed by a finite holdout: an equal-quality candidate's interval always
    // straddles it, and half the time its estimate is beyond it (a likely regression, which fails by default).
    private void WarnZeroChangeBound(BoundCheck check, PolicyNode item)
    {
        var body = item is MappingNode m && m["metric"] is null ? (m.Entries.Count > 0 ? m.Entries[0].Value as MappingNode : null) : item as MappingNode;
        if (body is null)
        {
            return;
        }

        foreach (var key in new[] { "max_drop", "max_increase", "max_relative_drop", "max_relative_increase", "max_drop_per_group" })
        {
            if (body[key] is ScalarNode { IsNull: false } node && double.TryParse(node.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v == 0)
            {
                _read.Warning(node.Location, $"check '{check.Id}': '{key}: 0' is smaller than the smallest change any holdout can detect, so an equal-quality candidate is inconclusive, and fails as a likely regression about half the time; allow a small change (e.g. {key}: 0.01) or set statistics.likely_regression: warning");
            }
        }
    }

    private static string? FindKey(PolicyNode node, IReadOnlyList<string> keys)
    {
        if (node is not MappingNode map)
        {
            return null;
        }

        foreach (var (key, value) in map.Entries)
        {
            if (keys.Contains(key.Value))
            {
                return key.Value;
            }

            if (FindKey(value, keys) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    /// <summary>Reads an absolute bound and rejects values outside [min, max] and at_least above at_most.</summary>
    private Bound ReadBound(MappingNode map, string lowKey, string highKey, string what, double min, double max)
    {
        var low = _read.Number(map, lowKey);
        var high = _read.Number(map, highKey);
        var range = double.IsPositiveInfinity(max) ? $"{what} is never below {Reading.Format(min)}" : $"{what} lies between {Reading.Format(min)} and {Reading.Format(max)}";
        if (low > max)
        {
            _read.Error(Reading.Location(map, lowKey), $"'{lowKey}: {Reading.Format(low.Value)}' can never be met: {range}; use a value in that range");
            low = null;
        }
        else if (low <= min && !double.IsNegativeInfinity(min))
        {
            _read.Warning(Reading.Location(map, lowKey), $"'{lowKey}: {Reading.Format(low.Value)}' always holds: {range}; raise it or remove it");
        }

        if (high < min)
        {
            _read.Error(Reading.Location(map, highKey), $"'{highKey}: {Reading.Format(high.Value)}' can never be met: {range}; use a value in that range");
            high = null;
        }
        else if (high >= max && !double.IsPositiveInfinity(max))
        {
            _read.Warning(Reading.Location(map, highKey), $"'{highKey}: {Reading.Format(high.Value)}' always holds: {range}; lower it or remove it");
        }

        if (low > high)
        {
            _read.Error(Reading.Location(map, lowKey), $"conflicting bounds: {lowKey} ({Reading.Format(low.Value)}) is above {highKey} ({Reading.Format(high.Value)}), so no value can pass; fix one of them");
        }

        return new Bound(low, high);
    }

    private Bound ReadBound(MappingNode map, string lowKey, string highKey, MetricInfo? info) =>
        info is null
            ? new Bound(_read.Number(map, lowKey), _read.Number(map, highKey))
            : ReadBound(map, lowKey, highKey, info.Id, info.Minimum, info.Maximum);

    /// <summary>Reads the change keys present in <paramref name="allowed"/>; each is 0 or more and must bound a regression in the metric's direction.</summary>
    private ChangeBound ReadChange(MappingNode map, MetricInfo? info, IReadOnlyList<string> allowed)
    {
        double? Read(string key)
        {
            if (!allowed.Contains(key))
            {
                return null;
            }

            var value = _read.Number(map, key);
            if (value < 0)
            {
                var fix = key == "min_improvement" ? "a required improvement is positive" : "0 means no regression allowed; to demand an improvement use min_improvement";
                _read.Error(Reading.Location(map, key), $"'{key}' must be 0 or more, got {Reading.Format(value.Value)}; {fix}");
                return null;
            }

            if (value is not null && info is not null)
            {
                var improvementKey = info.HigherIsBetter ? key is "max_increase" or "max_relative_increase" : key is "max_drop" or "max_relative_drop";
                if (improvementKey)
                {
                    var (direction, better, fix) = info.HigherIsBetter
                        ? ("an increase", "higher", key.Replace("increase", "drop", StringComparison.Ordinal))
                        : ("a drop", "lower", key.Replace("drop", "increase", StringComparison.Ordinal));
                    _read.Error(Reading.Location(map, key), $"'{key}' bounds {direction} in {info.Id}, which is an improvement ({better} is better); use '{fix}' to bound a regression");
                    return null;
                }
            }

            return value;
        }

        return new ChangeBound(Read("max_drop"), Read("max_increase"), Read("max_relative_drop"), Read("max_relative_increase"), Read("min_improvement"));
    }

    private void RequireProbabilities(ScalarNode metricNode, MetricInfo? info)
    {
        if (info is not null && _models is { Scores: ScoresKind.Label } && ProbabilityMetrics.Contains(info.Id))
        {
            _read.Error(metricNode.Location, $"metric '{info.Id}' needs scores, but models.scores is label; export probabilities or logits, or use a label metric such as accuracy or f1");
        }
    }

    private IReadOnlyList<string>? SliceRefs(MappingNode map, string section)
    {
        var refs = _read.TextList(map, "slices", allowSingle: true);
        if (refs is null)
        {
            if (Reading.Value(map, "slices") is null)
            {
                _read.Error(map.Location, $"{section} needs 'slices' (names defined under the top-level 'slices:')");
            }

            return null;
        }

        var defined = _slices.Select(s => s.Name).ToList();
        var ok = refs.Count > 0;
        if (!ok)
        {
            _read.Error(map["slices"]!.Location, $"{section}: 'slices' is empty; name at least one slice");
        }

        foreach (var r in refs)
        {
            if (!defined.Contains(r.Value, StringComparer.Ordinal))
            {
                ok = false;
                _read.Error(r.Location, defined.Count == 0
                    ? $"unknown slice '{r.Value}': the policy defines no slices; define it under the top-level 'slices:'"
                    : $"unknown slice '{r.Value}'{Suggestions.DidYouMean(r.Value, defined)} (defined slices: {string.Join(", ", defined)})");
            }
        }

        return ok ? [.. refs.Select(r => r.Value)] : null;
    }

    private double? NonNegative(MappingNode map, string key, string hint) =>
        _read.NumberIn(map, key, 0, double.PositiveInfinity, hint);

    private double? Positive(MappingNode map, string key, string hint) =>
        _read.NumberIn(map, key, 0, double.PositiveInfinity, hint, openMin: true);
}
