using System.Globalization;
using ModelGate.Core.Plan;
using ModelGate.Core.Text;
using ModelGate.Policy.Model;
using ModelGate.Policy.Where;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>Safety, latency and model-size checks.</summary>
internal sealed partial class PolicyBinder
{
    public static readonly string[] SafetyKeys = ["id", "severity", "optional", "name", "where", "rows_file", "negative_flips", "negative_flip_rate", "metric", "at_least", "at_most"];
    public static readonly string[] LatencyKeys = ["id", "severity", "optional", "batch_size", "p50_ms", "p90_ms", "p95_ms", "p99_ms", "max_relative_increase"];
    public static readonly string[] PercentileKeys = ["at_most", "max_relative_increase"];
    public static readonly string[] ModelSizeKeys = ["id", "severity", "optional", "at_most", "max_relative_increase"];

    private static readonly string[] AtMostOnly = ["at_most"];

    private BoundCheck? BindSafety(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "safety", SafetyKeys);
        var name = _read.RequiredText(map, "name", "safety", "what these rows are, for the report");
        var (id, severity) = Common(map, CheckIds.Default("safety", map));
        var where = BindWhere(map);
        var (rowsFile, rowIds) = BindRowsFile(map);
        if (map["where"] is not null && map["rows_file"] is not null)
        {
            _read.Error(map["rows_file"]!.Location, "a safety check selects rows with 'where' or 'rows_file', not both; keep one");
        }
        else if (Reading.Value(map, "where") is null && Reading.Value(map, "rows_file") is null)
        {
            _read.Error(kind.Location, "safety needs 'where' (a filter such as \"checks >= 3\") or 'rows_file' (a file of must-pass row ids)");
        }

        var flips = Budget(map, "negative_flips", (body) => _read.Integer(body, "at_most", 0, "0 or more (0 means no row may flip)"));
        var rate = Budget(map, "negative_flip_rate", (body) => _read.NumberIn(body, "at_most", 0, 1, "between 0 and 1"));
        var metricNode = _read.Scalar(map, "metric", "a metric name");
        var info = metricNode is null ? null : Metric(metricNode, null);
        if (metricNode is not null)
        {
            RequireProbabilities(metricNode, info);
        }

        var bound = ReadBound(map, "at_least", "at_most", info);
        if (metricNode is null && (map["at_least"] ?? map["at_most"]) is { } orphan)
        {
            _read.Error(orphan.Location, "'at_least'/'at_most' in a safety check bound 'metric', which is not set; add 'metric' (e.g. precision) or remove the bound");
        }
        else if (metricNode is not null && map["at_least"] is null && map["at_most"] is null)
        {
            _read.Error(metricNode.Location, $"'metric: {metricNode.Value}' in a safety check needs at_least or at_most");
        }

        if (map["negative_flips"] is null && map["negative_flip_rate"] is null && metricNode is null)
        {
            _read.Error(kind.Location, "safety sets no bound; add negative_flips: { at_most: 0 }, negative_flip_rate: { at_most: ... } or a metric with at_least/at_most");
        }

        var whereNode = map["where"] as ScalarNode;
        _safety.Add(new SafetySet(id, name ?? id, where, rowsFile, rowIds, kind.Location, whereNode is null ? null : WhereStart(whereNode)));
        var spec = new SafetyCheckSpec
        {
            Id = id,
            Title = name ?? id,
            Severity = severity,
            Location = kind.Location,
            Set = id,
            Description = where is not null ? $"where {where.Text}" : rowsFile is not null ? $"rows listed in {Path.GetFileName(rowsFile)}" : null,
            NegativeFlipsAtMost = flips is null ? null : (int)Math.Min(flips.Value, int.MaxValue),
            NegativeFlipRateAtMost = rate,
            Metric = info?.Id ?? metricNode?.Value,
            MetricBound = bound,
        };
        return new BoundCheck(id, kind.Location, [spec]);
    }

    private T? Budget<T>(MappingNode map, string key, Func<MappingNode, T?> read)
        where T : struct
    {
        var body = _read.Map(map[key], key);
        if (body is null)
        {
            return null;
        }

        _read.Keys(body, key, AtMostOnly);
        var value = read(body);
        if (value is null && body["at_most"] is null)
        {
            _read.Error(body.Location, $"'{key}' needs 'at_most'");
        }

        return value;
    }

    private WhereFilter? BindWhere(MappingNode map)
    {
        var node = _read.Scalar(map, "where", "an expression in quotes, e.g. \"checks >= 3\"");
        if (node is null)
        {
            return null;
        }

        try
        {
            var filter = WhereFilter.Parse(node.Value);
            foreach (var column in filter.Root.Columns())
            {
                _columns.Add(new ColumnReference(column.Name, ColumnUsage.Where, Offset(node, column.Offset)));
            }

            return filter;
        }
        catch (WhereSyntaxException e)
        {
            _read.Error(Offset(node, e.Offset), $"where: {e.Message}");
            return null;
        }
    }

    private static SourceLocation WhereStart(ScalarNode node) => Offset(node, 0);

    /// <summary>The location of a character inside a one-line scalar (quotes skipped); block scalars point at their first line.</summary>
    private static SourceLocation Offset(ScalarNode node, int offset) =>
        node.Block || node.Value.Contains('\n', StringComparison.Ordinal)
            ? node.Location
            : node.Location with { Column = node.Location.Column + offset + (node.Quoted ? 1 : 0) };

    private (string? Path, IReadOnlyList<string>? Ids) BindRowsFile(MappingNode map)
    {
        var text = _read.Text(map, "rows_file");
        if (text is null)
        {
            return (null, null);
        }

        var node = (ScalarNode)map["rows_file"]!;
        var errorsBefore = _read.ErrorCount;
        var path = ResolvePath(node);
        if (_read.ErrorCount > errorsBefore)
        {
            return (path, null);
        }

        if (_data is not null && _data.Id is null)
        {
            _read.Error(node.Location, "'rows_file' lists rows by id, but data.id is not set; add data.id (the holdout's id column)");
        }

        if (!File.Exists(path))
        {
            _read.Error(node.Location, $"rows_file {ConsoleText.Preview(text, 80)} not found (looked for {ConsoleText.Escape(path)}); the path is relative to the policy file's folder");
            return (path, null);
        }

        var ids = BoundedText.ReadLines(path, _options.Limits.RowsFileBytes, "rows_file_bytes", $"{node.Location}: rows_file")
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        if (ids.Count > 0 && _data?.Id is { } idColumn && ids[0] == idColumn)
        {
            ids.RemoveAt(0);
        }

        if (ids.Count == 0)
        {
            _read.Error(node.Location, $"rows_file {ConsoleText.Preview(text, 80)} lists no row ids; write one id per line");
        }

        return (path, ids);
    }

    private BoundCheck? BindLatency(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "latency", LatencyKeys);
        var (id, severity) = Common(map, "latency");
        var batch = _read.Integer(map, "batch_size", 1, "1 or more");
        var shared = NonNegative(map, "max_relative_increase", "0 or more, e.g. 0.2 for +20%");
        var percentiles = new List<(double Percentile, double? AtMost, double? MaxRelative)>();
        foreach (var p in new[] { 50, 90, 95, 99 })
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"p{p}_ms");
            var body = _read.Map(map[key], key);
            if (body is null)
            {
                continue;
            }

            _read.Keys(body, key, PercentileKeys);
            var atMost = Positive(body, "at_most", "above 0 milliseconds");
            var relative = NonNegative(body, "max_relative_increase", "0 or more, e.g. 0.2 for +20%");
            if (body["at_most"] is null && body["max_relative_increase"] is null && shared is null)
            {
                _read.Error(body.Location, $"'{key}' needs at_most (milliseconds) or max_relative_increase");
            }

            percentiles.Add((p, atMost, relative ?? shared));
        }

        if (percentiles.Count == 0)
        {
            if (shared is null && map["max_relative_increase"] is null)
            {
                _read.Error(kind.Location, "latency sets no bound; add e.g. p95_ms: { at_most: 5 } or max_relative_increase: 0.2");
                return null;
            }

            percentiles.Add((95, null, shared));
        }

        var batchSize = (int)Math.Min(batch ?? 1, int.MaxValue);
        var specs = percentiles.Select(p => (CheckSpec)new LatencyCheckSpec
        {
            Id = percentiles.Count == 1 ? id : string.Create(CultureInfo.InvariantCulture, $"{id}.p{p.Percentile}"),
            Title = string.Create(CultureInfo.InvariantCulture, $"Latency p{p.Percentile} (batch {batchSize})"),
            Severity = severity,
            Location = kind.Location,
            BatchSize = batchSize,
            Percentile = p.Percentile,
            AtMostMs = p.AtMost,
            MaxRelativeIncrease = p.MaxRelative,
        }).ToList();
        return new BoundCheck(id, kind.Location, specs);
    }

    private BoundCheck? BindModelSize(ScalarNode kind, MappingNode map)
    {
        _read.Keys(map, "model_size_mb", ModelSizeKeys);
        var (id, severity) = Common(map, "model_size_mb");
        var atMost = Positive(map, "at_most", "above 0 megabytes");
        var relative = NonNegative(map, "max_relative_increase", "0 or more, e.g. 0.1 for +10%");
        if (map["at_most"] is null && map["max_relative_increase"] is null)
        {
            _read.Error(kind.Location, "model_size_mb sets no bound; add at_most (megabytes) or max_relative_increase");
        }

        var spec = new ModelSizeCheckSpec
        {
            Id = id,
            Title = "Model size",
            Severity = severity,
            Location = kind.Location,
            AtMostMb = atMost,
            MaxRelativeIncrease = relative,
        };
        return new BoundCheck(id, kind.Location, [spec]);
    }
}
