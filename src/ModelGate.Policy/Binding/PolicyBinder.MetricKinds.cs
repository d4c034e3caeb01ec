using System.Collections.Frozen;
using ModelGate.Core;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>Metric, generalization-gap, calibration, subgroup and fairness checks.</summary>
internal sealed partial class PolicyBinder
{
    public static readonly string[] GapKeys = ["id", "severity", "optional", "metric", "at_most"];
    public static readonly string[] CalibrationKeys = ["id", "severity", "optional", "metric", "bins", "at_most", "max_increase", "max_relative_increase"];
    public static readonly string[] SubgroupKeys = ["id", "severity", "optional", "slices", "metric", "worst_group_at_least", "worst_group_at_most", "max_gap", "max_drop_per_group"];
    public static readonly string[] FairnessKeys = ["id", "severity", "optional", "slices", "max_increase", .. MetricCatalog.Disparities];
    public static readonly string[] CalibrationMetrics = ["ece", "ece_adaptive", "classwise_ece", "ece_positive", "mce", "brier", "log_loss"];

    private static readonly string[] SubgroupBoundKeys = ["worst_group_at_least", "worst_group_at_most", "max_gap", "max_drop_per_group"];
    private static readonly string[] BoundKeys = ["at_least", "at_most"];
    private static readonly string[] ChangeKeys = ["max_drop", "max_increase", "max_relative_drop", "max_relative_increase", "min_improvement"];

    private BoundCheck? BindMetricCheck(MappingNode map)
    {
        _read.Keys(map, "a metric check", MetricCheckKeys);
        var metricNode = _read.Scalar(map, "metric", "a metric name");
        var info = metricNode is null ? null : Metric(metricNode, null);
        var (id, severity) = Common(map, metricNode?.Value ?? "metric");
        var absolute = ReadBound(map, "at_least", "at_most", info);
        var change = ReadChange(map, info, ChangeKeys);
        var test = _read.Choice(map, "test", Tests);
        if (metricNode is not null)
        {
            RequireProbabilities(metricNode, info);
        }

        if (info is not null && test is { } t && map["test"] is { } testNode)
        {
            if (t == ComparisonTest.McNemar && info.Id != "accuracy")
            {
                _read.Error(testNode.Location, $"'test: mcnemar' applies to accuracy (a paired test on per-row correctness); use 'test: bootstrap' for {info.Id}");
            }
            else if (t == ComparisonTest.DeLong && (info.Id != "roc_auc" || _task != TaskKind.Binary))
            {
                _read.Error(testNode.Location, $"'test: delong' applies to roc_auc on a binary task; use 'test: bootstrap' for {info.Id}");
            }
            else if (change.IsEmpty && !ChangeKeys.Any(k => map[k] is not null))
            {
                _read.Warning(testNode.Location, "'test' only affects change bounds (max_drop, max_increase, ...), and this check has none; remove it or add a change bound");
            }
        }

        if (absolute.IsEmpty && change.IsEmpty && !BoundKeys.Concat(ChangeKeys).Any(k => map[k] is not null))
        {
            _read.Error(map.Location, $"metric check '{id}' sets no bound; add at_least/at_most (on the candidate) or max_drop/max_increase/max_relative_drop/max_relative_increase/min_improvement (vs the baseline)");
        }

        var spec = new MetricCheckSpec
        {
            Id = id,
            Title = info?.DisplayName ?? id,
            Severity = severity,
            Location = map.Location,
            Metric = metricNode?.Value ?? string.Empty,
            Absolute = absolute,
            Change = change,
            Test = test ?? ComparisonTest.Bootstrap,
        };
        return new BoundCheck(id, map.Location, [spec]);
    }

    private BoundCheck? BindGeneralizationGap(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "generalization_gap", GapKeys);
        var (id, severity) = Common(map, "generalization_gap");
        var metricNode = _read.Scalar(map, "metric", "a metric name");
        if (metricNode is null)
        {
            _read.Error(map.Location, "generalization_gap needs 'metric' (e.g. roc_auc)");
        }

        var info = metricNode is null ? null : Metric(metricNode, null);
        var atMost = _read.Number(map, "at_most");
        if (atMost is null && map["at_most"] is null)
        {
            _read.Error(map.Location, "generalization_gap needs 'at_most' (the largest allowed train-minus-holdout gap, e.g. 0.05)");
        }

        if (_data is not null && _data.Train is null)
        {
            _read.Error(kind.Location, "generalization_gap needs data.train (a sample of the training data), which is not set; add data.train or remove this check");
        }

        var spec = new GeneralizationGapCheckSpec
        {
            Id = id,
            Title = $"Generalization gap ({info?.DisplayName ?? metricNode?.Value})",
            Severity = severity,
            Location = kind.Location,
            Metric = metricNode?.Value ?? string.Empty,
            AtMost = atMost ?? 0,
        };
        return new BoundCheck(id, kind.Location, [spec]);
    }

    private BoundCheck? BindCalibration(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "calibration", CalibrationKeys);
        var (id, severity) = Common(map, "calibration");
        if (_task == TaskKind.Regression)
        {
            _read.Error(kind.Location, "calibration applies to classification tasks, and this policy's task is regression; remove this check");
            return null;
        }

        var metricNode = _read.Scalar(map, "metric", "a calibration metric");
        var info = metricNode is null ? MetricCatalog.Find("ece") : Metric(metricNode, CalibrationMetrics);
        if (metricNode is not null)
        {
            RequireProbabilities(metricNode, info);
        }
        else if (_models is { Scores: Model.ScoresKind.Label })
        {
            _read.Error(kind.Location, "calibration needs scores, but models.scores is label; export probabilities or logits, or remove this check");
        }

        var bins = _read.Integer(map, "bins", 2, "at least 2 (15 is the default)");
        var absolute = ReadBound(map, "at_least", "at_most", info);
        var change = ReadChange(map, info, ["max_increase", "max_relative_increase"]);
        if (absolute.IsEmpty && change.IsEmpty && map["at_most"] is null && map["max_increase"] is null && map["max_relative_increase"] is null)
        {
            _read.Error(kind.Location, "calibration sets no bound; add at_most (on the candidate) or max_increase/max_relative_increase (vs the baseline)");
        }

        var spec = new CalibrationCheckSpec
        {
            Id = id,
            Title = $"Calibration ({info?.DisplayName ?? metricNode?.Value})",
            Severity = severity,
            Location = kind.Location,
            Metric = info?.Id ?? metricNode?.Value ?? "ece",
            Bins = (int)Math.Min(bins ?? 15, 10_000),
            Absolute = absolute,
            Change = change,
        };
        return new BoundCheck(id, kind.Location, [spec]);
    }

    private BoundCheck? BindSubgroups(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "subgroups", SubgroupKeys);
        var (id, severity) = Common(map, "subgroups");
        var slices = SliceRefs(map, "subgroups");
        var metricNode = _read.Scalar(map, "metric", "a metric name");
        if (metricNode is null)
        {
            _read.Error(map.Location, "subgroups needs 'metric' (e.g. recall)");
        }

        var info = metricNode is null ? null : Metric(metricNode, null);
        if (metricNode is not null)
        {
            RequireProbabilities(metricNode, info);
        }

        var worst = ReadBound(map, "worst_group_at_least", "worst_group_at_most", info);
        var gap = NonNegative(map, "max_gap", "0 or more (the largest allowed max - min across groups)");
        var drop = NonNegative(map, "max_drop_per_group", "0 or more (0 means no group may regress)");
        if (worst.IsEmpty && gap is null && drop is null && !SubgroupBoundKeys.Any(k => map[k] is not null))
        {
            _read.Error(kind.Location, "subgroups sets no bound; add worst_group_at_least/worst_group_at_most, max_gap or max_drop_per_group");
        }

        var spec = new SubgroupCheckSpec
        {
            Id = id,
            Title = $"Subgroups: {info?.DisplayName ?? metricNode?.Value} by {string.Join(", ", slices ?? [])}",
            Severity = severity,
            Location = kind.Location,
            Slices = slices ?? [],
            Metric = metricNode?.Value ?? string.Empty,
            WorstGroup = worst,
            MaxGap = gap,
            MaxDropPerGroup = drop,
        };
        return new BoundCheck(id, kind.Location, [spec]);
    }

    private BoundCheck? BindFairness(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "fairness", FairnessKeys);
        var (id, severity) = Common(map, "fairness");
        if (_task is { } task && task != TaskKind.Binary)
        {
            _read.Error(kind.Location, $"fairness disparities are defined for binary tasks (selection rate, TPR and FPR per group), and this policy's task is {Name(task)}; use a subgroups check instead");
            return null;
        }

        var slices = SliceRefs(map, "fairness");
        var disparities = new Dictionary<string, Bound>(StringComparer.Ordinal);
        foreach (var name in MetricCatalog.Disparities)
        {
            var body = _read.Map(map[name], name);
            if (body is null)
            {
                continue;
            }

            _read.Keys(body, name, BoundKeys);
            var bound = ReadBound(body, "at_least", "at_most", name, 0, 1);
            if (bound.IsEmpty && body["at_least"] is null && body["at_most"] is null)
            {
                _read.Error(body.Location, $"'{name}' needs at_least or at_most");
            }

            disparities[name] = bound;
        }

        if (disparities.Count == 0 && MetricCatalog.Disparities.All(d => map[d] is null))
        {
            _read.Error(kind.Location, $"fairness names no disparity; add one of {string.Join(", ", MetricCatalog.Disparities)} with at_least/at_most");
        }

        var spec = new FairnessCheckSpec
        {
            Id = id,
            Title = $"Fairness by {string.Join(", ", slices ?? [])}",
            Severity = severity,
            Location = kind.Location,
            Slices = slices ?? [],
            Disparities = disparities.ToFrozenDictionary(StringComparer.Ordinal),
            MaxIncrease = NonNegative(map, "max_increase", "0 or more (how much worse than the baseline a disparity may get)"),
        };
        return new BoundCheck(id, kind.Location, [spec]);
    }
}
