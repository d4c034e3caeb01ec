using System.Globalization;
using ModelGate.Core;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Policy.Model;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>slices:, statistics: and report:.</summary>
internal sealed partial class PolicyBinder
{
    public static readonly string[] SliceKeys = ["column", "columns", "bins"];
    public static readonly string[] StatisticsKeys = ["confidence", "resamples", "seed", "inconclusive", "likely_regression", "uncomputable", "mode", "false_discovery_rate", "method"];
    public static readonly string[] ReportKeys = ["show_columns", "max_flipped_rows", "metrics", "evidence"];
    public static readonly string[] EvidenceKeys = ["column", "kind", "rows", "thumbnail", "max_chars"];

    private const long MaxResamples = 1_000_000;

    private static readonly (string, Severity)[] Severities = [("error", Severity.Error), ("warning", Severity.Warning), ("info", Severity.Info)];
    private static readonly (string, JudgeMode)[] Modes = [("interval", JudgeMode.Interval), ("point", JudgeMode.PointEstimate)];
    private static readonly (string, EvidenceKind)[] EvidenceKinds = [("image", EvidenceKind.Image), ("text", EvidenceKind.Text)];
    private static readonly (string, StatisticsMethod)[] Methods = [("auto", StatisticsMethod.Auto), ("bootstrap", StatisticsMethod.Bootstrap), ("analytic", StatisticsMethod.Analytic)];

    private (IReadOnlyList<SliceSpec> Slices, int? MinSupport) BindSlices(MappingNode root)
    {
        var map = _read.Map(root["slices"], "slices");
        if (map is null)
        {
            return ([], null);
        }

        var slices = new List<SliceSpec>();
        int? minSupport = null;
        foreach (var (key, value) in map.Entries)
        {
            if (key.Value == "min_support")
            {
                minSupport = (int?)_read.Integer(map, "min_support", 1, "a whole number of at least 1, e.g. 30");
                continue;
            }

            if (BindSlice(key, value) is { } slice)
            {
                slices.Add(slice);
            }
        }

        return (slices, minSupport);
    }

    private SliceSpec? BindSlice(ScalarNode name, PolicyNode value)
    {
        var section = $"slice '{name.Value}'";
        var map = _read.Map(value, name.Value);
        if (map is null)
        {
            if (value is ScalarNode { IsNull: true })
            {
                _read.Error(name.Location, $"{section} is empty; write {{ column: <name> }}, {{ columns: [a, b] }} or {{ column: <name>, bins: [...] }}");
            }

            return null;
        }

        _read.Keys(map, section, SliceKeys);
        var column = _read.Scalar(map, "column", "a column name");
        var columns = _read.TextList(map, "columns");
        var bins = _read.NumberList(map, "bins");
        if ((column is null) == (columns is null))
        {
            _read.Error(map.Location, $"{section} needs exactly one of 'column' (one column) or 'columns' (an intersection of several)");
            return null;
        }

        if (columns is not null && columns.Count < 2)
        {
            _read.Error(map["columns"]!.Location, $"{section}: 'columns' intersects several columns; list at least two, or use 'column' for one");
        }

        if (bins is not null && column is null)
        {
            _read.Error(map["bins"]!.Location, $"{section}: 'bins' applies to a single numeric 'column', not to 'columns'");
        }

        if (bins is not null && !ValidBins(map, bins, section))
        {
            return null;
        }

        var names = column is not null ? new[] { column } : columns!.ToArray();
        foreach (var c in names)
        {
            Column(c, ColumnUsage.Slice(name.Value));
        }

        return new SliceSpec(name.Value, [.. names.Select(c => c.Value)], bins, name.Location);
    }

    private bool ValidBins(MappingNode map, IReadOnlyList<double> bins, string section)
    {
        if (bins.Count < 2)
        {
            _read.Error(map["bins"]!.Location, $"{section}: 'bins' needs at least two edges, e.g. [0, 25, 45, 120]");
            return false;
        }

        for (var i = 1; i < bins.Count; i++)
        {
            if (bins[i] <= bins[i - 1])
            {
                var item = ((SequenceNode)map["bins"]!).Items[i];
                _read.Error(item.Location, $"{section}: bin edges must increase, but {Reading.Format(bins[i])} follows {Reading.Format(bins[i - 1])}");
                return false;
            }
        }

        return true;
    }

    private StatisticsOptions BindStatistics(MappingNode root, int? minSupport)
    {
        var defaults = new StatisticsOptions();
        var map = _read.Map(root["statistics"], "statistics");
        if (map is null)
        {
            return defaults with { MinSupport = minSupport ?? defaults.MinSupport };
        }

        _read.Keys(map, "statistics", StatisticsKeys);
        var confidence = _read.NumberIn(map, "confidence", 0.5, 1, "at least 0.5 and below 1, e.g. 0.95", openMax: true);
        var resamples = _read.Integer(map, "resamples", 100, "at least 100 (1000 is the default)");
        if (resamples > MaxResamples)
        {
            _read.Error(Reading.Location(map, "resamples"), $"'resamples' must be at most {MaxResamples.ToString(CultureInfo.InvariantCulture)}; 1000 to 10000 resamples give stable 95% intervals");
            resamples = null;
        }

        var seed = BindSeed(map);
        var inconclusive = _read.Choice(map, "inconclusive", Severities);
        var likely = _read.Choice(map, "likely_regression", Severities);
        var uncomputable = _read.Choice(map, "uncomputable", Severities);
        var mode = _read.Choice(map, "mode", Modes);
        var method = _read.Choice(map, "method", Methods);
        var fdr = _read.NumberIn(map, "false_discovery_rate", 0, 1, "between 0 and 1 (exclusive), e.g. 0.05", openMin: true, openMax: true);
        return new StatisticsOptions(
            confidence ?? defaults.Confidence,
            (int?)resamples ?? defaults.Resamples,
            seed ?? defaults.Seed,
            inconclusive ?? defaults.InconclusiveSeverity,
            mode ?? defaults.Mode,
            minSupport ?? defaults.MinSupport,
            fdr ?? defaults.FalseDiscoveryRate,
            likely ?? defaults.LikelyRegression,
            uncomputable ?? defaults.Uncomputable,
            method ?? defaults.Method);
    }

    private ulong? BindSeed(MappingNode map)
    {
        var node = _read.Scalar(map, "seed", "a whole number");
        if (node is null)
        {
            return null;
        }

        if (node.Quoted || !ulong.TryParse(node.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            _read.Error(node.Location, $"'seed' must be a whole number from 0 to {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)}, got '{node.Value}'");
            return null;
        }

        return seed;
    }

    private ReportOptions BindReport(MappingNode root)
    {
        var map = _read.Map(root["report"], "report");
        if (map is null)
        {
            return new ReportOptions([], 20, []) { Evidence = DefaultEvidence() };
        }

        _read.Keys(map, "report", ReportKeys);
        var show = _read.TextList(map, "show_columns") ?? [];
        foreach (var c in show)
        {
            Column(c, ColumnUsage.ShowColumn);
        }

        var max = _read.Integer(map, "max_flipped_rows", 0, "0 or more");
        var metrics = _read.TextList(map, "metrics") ?? [];
        foreach (var m in metrics)
        {
            Metric(m, null);
        }

        return new ReportOptions([.. show.Select(s => s.Value)], (int)Math.Min(max ?? 20, int.MaxValue), [.. metrics.Select(m => m.Value)])
        {
            Evidence = BindEvidence(map),
        };
    }

    private EvidenceOptions? BindEvidence(MappingNode report)
    {
        var map = _read.Map(report["evidence"], "evidence");
        if (map is null)
        {
            return report["evidence"] is null ? DefaultEvidence() : null;
        }

        _read.Keys(map, "report.evidence", EvidenceKeys);
        if (_task == TaskKind.Regression)
        {
            _read.Error(map.Location, "report.evidence shows flipped and misclassified rows, so it needs a classification task (binary or multiclass)");
        }

        var column = _read.Scalar(map, "column", "a holdout column name");
        if (column is null)
        {
            _read.Error(map.Location, "report.evidence needs 'column' (the holdout column of image paths or texts)");
        }
        else
        {
            Column(column, ColumnUsage.Evidence);
        }

        var kind = _read.Choice(map, "kind", EvidenceKinds);
        if (kind is null && Reading.Value(map, "kind") is null)
        {
            _read.Error(map.Location, "report.evidence needs 'kind' (image or text)");
        }

        int Bounded(string key, int min, int max, int fallback)
        {
            var value = _read.Integer(map, key, min, string.Create(CultureInfo.InvariantCulture, $"from {min} to {max}"));
            if (value > max)
            {
                _read.Error(Reading.Location(map, key), string.Create(CultureInfo.InvariantCulture, $"'{key}' must be from {min} to {max}, got {value}"));
            }

            return (int)Math.Min(value ?? fallback, max);
        }

        var rows = Bounded("rows", 1, EvidenceOptions.MaxRows, EvidenceOptions.DefaultRows);
        var thumbnail = Bounded("thumbnail", EvidenceOptions.MinThumbnail, EvidenceOptions.MaxThumbnail, EvidenceOptions.DefaultThumbnail);
        var maxChars = Bounded("max_chars", EvidenceOptions.MinMaxChars, EvidenceOptions.MaxMaxChars, EvidenceOptions.DefaultMaxChars);
        return column is null || kind is null ? null : new EvidenceOptions(column.Value, kind.Value)
        {
            Rows = rows,
            Thumbnail = thumbnail,
            MaxChars = maxChars,
        };
    }

    /// <summary>
    /// The evidence of a media model whose policy sets no <c>report.evidence</c>: the first <c>data.images</c> entry's
    /// column as thumbnails, else the first <c>data.text</c> entry's column as texts, with the default options; none for
    /// a regression task or a policy without media inputs. The column is recorded as evidence, so it is kept after scoring.
    /// </summary>
    private EvidenceOptions? DefaultEvidence()
    {
        if (_task is not (TaskKind.Binary or TaskKind.Multiclass) || _data is null)
        {
            return null;
        }

        var (column, kind) = _data.Images.Count > 0 ? (_data.Images[0].Column, EvidenceKind.Image)
            : _data.Text.Count > 0 ? (_data.Text[0].Column, EvidenceKind.Text)
            : (null, EvidenceKind.Image);
        if (column is null)
        {
            return null;
        }

        var input = _columns.First(c => c.Column == column && c.Usage.Role == ColumnRole.Input);
        _columns.Add(input with { Usage = ColumnUsage.Evidence });
        return new EvidenceOptions(column, kind);
    }

    /// <summary>The metric, validated against the catalogue and the task; null with an error listing the valid ones.</summary>
    private MetricInfo? Metric(ScalarNode node, IReadOnlyCollection<string>? allowed)
    {
        var valid = MetricCatalog.All
            .Where(m => _task is null || m.Tasks.Contains(_task.Value))
            .Where(m => allowed is null || allowed.Contains(m.Id))
            .Select(m => m.Id)
            .ToList();
        var forTask = _task is null ? string.Empty : $" for a {Name(_task.Value)} task";
        var info = MetricCatalog.Find(node.Value);
        if (info is null || (allowed is not null && !allowed.Contains(info.Id)))
        {
            var hint = NameSuggestions.Closest(node.Value, valid) is { } close ? $" (did you mean '{close}'?)" : string.Empty;
            _read.Error(node.Location, $"unknown metric '{node.Value}'{hint}; valid metrics{forTask}: {string.Join(", ", valid)}");
            return null;
        }

        if (_task is { } task && !info.Tasks.Contains(task))
        {
            _read.Error(node.Location, $"metric '{info.Id}' does not apply to a {Name(task)} task; valid metrics{forTask}: {string.Join(", ", valid)}");
            return null;
        }

        return info;
    }
}
