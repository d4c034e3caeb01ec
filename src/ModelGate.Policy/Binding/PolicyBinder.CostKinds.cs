using ModelGate.Core.Plan;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>Resource-cost checks (M12): CPU-seconds per 1,000 rows and peak working memory.</summary>
internal sealed partial class PolicyBinder
{
    public static readonly string[] ResourceCostKeys = ["id", "severity", "optional", "cpu_seconds_per_1000_rows", "peak_memory_mb"];

    private static readonly (string Key, ResourceMeasure Measure, string Title, string Unit)[] Measures =
    [
        ("cpu_seconds_per_1000_rows", ResourceMeasure.CpuSecondsPer1000Rows, "CPU time per 1,000 rows", "CPU-seconds"),
        ("peak_memory_mb", ResourceMeasure.PeakMemoryMb, "Peak working memory", "megabytes"),
    ];

    private BoundCheck? BindResourceCost(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "resource_cost", ResourceCostKeys);
        var (id, severity) = Common(map, "resource_cost");
        var bound = new List<(ResourceMeasure Measure, string Title, double? AtMost, double? Relative)>();
        foreach (var (key, measure, title, unit) in Measures)
        {
            var body = _read.Map(map[key], key);
            if (body is null)
            {
                continue;
            }

            _read.Keys(body, key, PercentileKeys);
            var atMost = Positive(body, "at_most", $"above 0 {unit}");
            var relative = NonNegative(body, "max_relative_increase", "0 or more, e.g. 0.2 for +20%");
            if (body["at_most"] is null && body["max_relative_increase"] is null)
            {
                _read.Error(body.Location, $"'{key}' needs at_most ({unit}) or max_relative_increase");
            }

            bound.Add((measure, title, atMost, relative));
        }

        if (bound.Count == 0)
        {
            _read.Error(kind.Location, "resource_cost sets no bound; add cpu_seconds_per_1000_rows: { at_most: 0.05 } and/or peak_memory_mb: { max_relative_increase: 0.2 }");
            return null;
        }

        // Two measures become two checks, <id>.cpu and <id>.memory (as latency percentiles do); a waiver on <id> covers both.
        var specs = bound.Select(b => (CheckSpec)new ResourceCostCheckSpec
        {
            Id = bound.Count == 1 ? id : id + (b.Measure == ResourceMeasure.CpuSecondsPer1000Rows ? ".cpu" : ".memory"),
            Title = b.Title,
            Severity = severity,
            Location = kind.Location,
            Measure = b.Measure,
            AtMost = b.AtMost,
            MaxRelativeIncrease = b.Relative,
        }).ToList();
        return new BoundCheck(id, kind.Location, specs);
    }
}
