using ModelGate.Core.Plan;
using ModelGate.Policy.Model;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>Rolling-window checks (test accuracy drift).</summary>
internal sealed partial class PolicyBinder
{
    public static readonly string[] RollingWindowKeys = ["id", "severity", "optional", "metric", "order_by", "windows", "period", "against", "latest_drop", "worst_drop", "worst_window_at_least", "worst_window_at_most"];

    private static readonly (string, WindowPeriod)[] Periods = [("day", WindowPeriod.Day), ("week", WindowPeriod.Week), ("month", WindowPeriod.Month), ("year", WindowPeriod.Year), ("value", WindowPeriod.Value)];
    private static readonly (string, WindowReference)[] WindowReferences = [("first", WindowReference.First), ("mean", WindowReference.Mean)];

    private BoundCheck? BindRollingWindow(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "rolling_window", RollingWindowKeys);
        var (id, severity) = Common(map, "rolling_window");
        var metricNode = _read.Scalar(map, "metric", "a metric name");
        if (metricNode is null)
        {
            _read.Error(kind.Location, "rolling_window needs 'metric' (e.g. accuracy)");
        }

        var info = metricNode is null ? null : Metric(metricNode, null);
        if (metricNode is not null)
        {
            RequireProbabilities(metricNode, info);
        }

        var orderBy = _read.Scalar(map, "order_by", "a holdout column name");
        if (orderBy is not null)
        {
            Column(orderBy, ColumnUsage.Window(id));
        }

        var period = _read.Choice(map, "period", Periods);
        var windows = _read.Integer(map, "windows", 2, "2 or more, e.g. 4");
        if (period is not null && map["windows"] is not null)
        {
            _read.Error(map["windows"]!.Location, "rolling_window takes 'windows' (a count) or 'period' (day, week, month, year, value), not both; remove one");
        }

        if (period is not null && orderBy is null)
        {
            _read.Error(map["period"]!.Location, "'period' cuts the holdout by the values of a column; add 'order_by' (e.g. a date column) or use 'windows: 4' for windows in row order");
        }

        var latest = Budget(map, "latest_drop", body => _read.NumberIn(body, "at_most", 0, 1, "between 0 and 1, a relative drop, e.g. 0.05"));
        var worst = Budget(map, "worst_drop", body => _read.NumberIn(body, "at_most", 0, 1, "between 0 and 1, a relative drop, e.g. 0.1"));
        var worstWindow = ReadBound(map, "worst_window_at_least", "worst_window_at_most", info);
        RequireBound(kind, map, ["latest_drop", "worst_drop", "worst_window_at_least", "worst_window_at_most"], "latest_drop: { at_most: 0.05 }, worst_drop: { at_most: 0.1 } or worst_window_at_least: 0.8");

        var spec = new RollingWindowCheckSpec
        {
            Id = id,
            Title = $"Rolling windows: {info?.DisplayName ?? metricNode?.Value} by {orderBy?.Value ?? "row order"}",
            Severity = severity,
            Location = kind.Location,
            Metric = info?.Id ?? metricNode?.Value ?? "accuracy",
            OrderBy = orderBy?.Value,
            Period = period ?? WindowPeriod.Count,
            Windows = (int)Math.Min(windows ?? 4, 10_000),
            Against = _read.Choice(map, "against", WindowReferences) ?? WindowReference.First,
            LatestDropAtMost = latest,
            WorstDropAtMost = worst,
            WorstWindow = worstWindow,
        };
        return new BoundCheck(id, kind.Location, [spec]);
    }
}
