using System.Collections.Frozen;
using ModelGate.Core;
using ModelGate.Core.Text;
using ModelGate.Policy.Model;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>models: and data:.</summary>
internal sealed partial class PolicyBinder
{
    public static readonly string[] ModelsKeys = ["candidate", "baseline", "output", "scores", "positive_class", "decision_threshold", "max_invalid_rows", "candidate_version", "baseline_version", "classes"];
    public static readonly string[] ModelKeys = ["path", "inputs"];
    public static readonly string[] DataKeys = ["holdout", "train", "label", "id", "weight", "inputs", "images", "text", "missing", "column_types"];
    public static readonly string[] InputKeys = ["columns", "shape"];

    private static readonly (string, ScoresKind)[] ScoreKinds = [("auto", ScoresKind.Auto), ("probabilities", ScoresKind.Probabilities), ("logits", ScoresKind.Logits), ("label", ScoresKind.Label)];
    private static readonly (string, MissingPolicy)[] MissingKinds = [("fail", MissingPolicy.Fail), ("drop", MissingPolicy.Drop), ("nan", MissingPolicy.Nan)];
    private static readonly (string, ColumnType)[] ColumnTypes = [("numeric", ColumnType.Numeric), ("text", ColumnType.Text)];

    private ModelsConfig? BindModels(MappingNode root)
    {
        var map = _read.Map(root["models"], "models");
        if (map is null)
        {
            if (Reading.Value(root, "models") is null)
            {
                _read.Error(root.Location, "the policy needs 'models' with at least 'candidate: path/to/candidate.onnx'");
            }

            return null;
        }

        _read.Keys(map, "models", ModelsKeys);
        var (candidate, candidateInputs) = ModelEntry(map, "candidate");
        var (baseline, baselineInputs) = ModelEntry(map, "baseline");
        var classes = Classes(map);
        var output = _read.Text(map, "output");
        var scores = _read.Choice(map, "scores", ScoreKinds);
        var positive = _read.Scalar(map, "positive_class", "a class label");
        var threshold = _read.NumberIn(map, "decision_threshold", 0, 1, "between 0 and 1 (exclusive), e.g. 0.5", openMin: true, openMax: true);
        if (positive is not null && _task is not null && _task != TaskKind.Binary)
        {
            _read.Error(positive.Location, $"'positive_class' applies to binary tasks only; this policy's task is {Name(_task.Value)}; remove it");
        }

        if (threshold is not null && _task is not null && _task != TaskKind.Binary)
        {
            _read.Error(Reading.Location(map, "decision_threshold"), $"'decision_threshold' applies to binary tasks only; this policy's task is {Name(_task.Value)}; remove it");
        }

        var maxInvalid = _read.Integer(map, "max_invalid_rows", 0, "a whole number of rows, 0 or more (0: any NaN or infinite score fails the gate)");
        var versions = (_read.Scalar(map, "candidate_version", "a version, e.g. 2.1.0")?.Value, _read.Scalar(map, "baseline_version", "a version, e.g. 2.0.3")?.Value);
        return candidate is null ? null : new ModelsConfig(candidate, baseline, output, scores, positive?.Value, threshold ?? 0.5, (int)Math.Min(maxInvalid ?? 0, int.MaxValue))
        {
            CandidateVersion = versions.Item1,
            BaselineVersion = versions.Item2,
            CandidateInputs = candidateInputs,
            BaselineInputs = baselineInputs,
            Classes = classes,
        };
    }

    /// <summary><c>candidate: a.onnx</c>, or <c>candidate: { path: a.onnx, inputs: { X: [...] } }</c> when this model's inputs are named differently.</summary>
    private (string? Path, InputsMapping? Inputs) ModelEntry(MappingNode models, string key)
    {
        if (Reading.Value(models, key) is not MappingNode map)
        {
            return key == "candidate"
                ? (PathOf(models, key, "models", "the candidate ONNX model's path, or { path: ..., inputs: ... }"), null)
                : (PathOf(models, key, null, null), null);
        }

        _read.Keys(map, $"models.{key}", ModelKeys);
        var path = PathOf(map, "path", $"models.{key}", $"the {key} ONNX model's path");
        var inputs = Reading.Value(map, "inputs") is null ? null : BindInputs(map);
        return (path, inputs);
    }

    /// <summary><c>classes: [a, b, c]</c>: class labels in the order of the output's columns.</summary>
    private List<string>? Classes(MappingNode models)
    {
        var holder = Reading.Value(models, "classes") is SequenceNode ? models : null;
        if (holder is null)
        {
            if (Reading.Value(models, "classes") is { } other)
            {
                _read.Error(other.Location, $"'classes' must list the class labels in the order of the model's output columns, e.g. [barolo, grignolino, barbera]; got {other.Describe()}");
            }

            return null;
        }

        var items = _read.TextList(holder, "classes");
        if (items is null)
        {
            return null;
        }

        var classes = items.Select(i => i.Value).ToList();
        if (classes.Count < 2 || classes.Distinct(StringComparer.Ordinal).Count() != classes.Count)
        {
            _read.Error(holder["classes"]!.Location, "'classes' must list at least two distinct class labels, one per output column, in column order");
            return null;
        }

        if (_task == TaskKind.Regression)
        {
            _read.Error(holder["classes"]!.Location, "'classes' applies to classification tasks only; this policy's task is regression; remove it");
        }

        return classes;
    }

    private string? PathOf(MappingNode map, string key, string? section, string? what)
    {
        var text = section is null ? _read.Text(map, key) : _read.RequiredText(map, key, section, what!);
        return text is null ? null : ResolvePath((ScalarNode)map[key]!);
    }

    private DataConfig? BindData(MappingNode root)
    {
        var map = _read.Map(root["data"], "data");
        if (map is null)
        {
            if (Reading.Value(root, "data") is null)
            {
                _read.Error(root.Location, "the policy needs 'data' with at least 'holdout' and 'label'");
            }

            return null;
        }

        _read.Keys(map, "data", DataKeys);
        var holdout = PathOf(map, "holdout", "data", "the holdout file: .csv, .tsv or .jsonl, optionally .gz, or .parquet");
        var train = PathOf(map, "train", null, null);
        var label = _read.RequiredText(map, "label", "data", "the label column");
        var id = _read.Text(map, "id");
        var weight = _read.Text(map, "weight");
        foreach (var (key, usage) in new[] { ("label", ColumnUsage.Label), ("id", ColumnUsage.Id), ("weight", ColumnUsage.Weight) })
        {
            if (map[key] is ScalarNode { IsNull: false } node)
            {
                Column(node, usage);
            }
        }

        var inputs = BindInputs(map);
        var images = BindImages(map);
        var text = BindText(map);
        if (label is not null)
        {
            RejectLabelAsInput(label);
        }

        var missing = _read.Choice(map, "missing", MissingKinds) ?? MissingPolicy.Fail;
        var types = new Dictionary<string, ColumnType>(StringComparer.Ordinal);
        if (_read.Map(map["column_types"], "column_types") is { } typeMap)
        {
            foreach (var (key, value) in typeMap.Entries)
            {
                Column(key, ColumnUsage.ColumnType);
                if (value is ScalarNode s && _read.Choice(s, key.Value, ColumnTypes) is { } type)
                {
                    types[key.Value] = type;
                }
                else if (value is not ScalarNode)
                {
                    _read.Error(value.Location, $"'{key.Value}' must be numeric or text, got {value.Describe()}");
                }
            }
        }

        return holdout is null || label is null || inputs is null
            ? null
            : new DataConfig(holdout, train, label, id, weight, inputs, missing, types.ToFrozenDictionary(StringComparer.Ordinal))
            {
                Images = images,
                Text = text,
            };
    }

    private InputsMapping? BindInputs(MappingNode data)
    {
        var node = Reading.Value(data, "inputs");
        if (node is null)
        {
            return new InputsMapping([], false, null);
        }

        var map = _read.Map(node, "inputs");
        if (map is null)
        {
            return null;
        }

        var inputs = new List<InputSpec>();
        InputSpec? perColumnColumns = null;
        var perColumn = false;
        foreach (var (key, value) in map.Entries)
        {
            if (key.Value == "per_column")
            {
                perColumn = BindPerColumn(key, value, out perColumnColumns);
                continue;
            }

            var spec = BindInput(key.Value, value);
            if (spec is not null)
            {
                inputs.Add(spec);
            }
        }

        if (perColumn && inputs.Count > 0)
        {
            _read.Error(map.KeyNode("per_column")!.Location, "'per_column' cannot be combined with named inputs; use either one input per column or named inputs");
        }

        return new InputsMapping(inputs, perColumn, perColumnColumns);
    }

    private bool BindPerColumn(ScalarNode key, PolicyNode value, out InputSpec? columns)
    {
        columns = null;
        switch (value)
        {
            case ScalarNode s when ScalarTypes.TryBoolean(s, out var on):
                return on;
            case ScalarNode or SequenceNode:
                columns = BindInput("per_column", value);
                return columns is not null;
            default:
                _read.Error(value.Location, $"'{key.Value}' must be true, a list of columns or a glob such as \"f*\", got {value.Describe()}");
                return false;
        }
    }

    private InputSpec? BindInput(string name, PolicyNode value)
    {
        var usage = ColumnUsage.Input(name);
        switch (value)
        {
            case ScalarNode { IsNull: false } s:
                Column(s, usage);
                return Glob.IsPattern(s.Value) ? new InputSpec(name, null, s.Value, null) : new InputSpec(name, [s.Value], null, null);
            case SequenceNode:
                var holder = new MappingNode(value.Location, [new(new ScalarNode(value.Location, name, false, false), value)]);
                var list = _read.TextList(holder, name);
                if (list is null)
                {
                    return null;
                }

                foreach (var c in list)
                {
                    Column(c, usage);
                }

                return new InputSpec(name, [.. list.Select(c => c.Value)], null, null);
            case MappingNode map:
                return BindReshape(name, map);
            default:
                _read.Error(value.Location, $"input '{name}' must be a list of columns, a glob such as \"p*\", or {{ columns: ..., shape: [...] }}, got {value.Describe()}");
                return null;
        }
    }

    private InputSpec? BindReshape(string name, MappingNode map)
    {
        _read.Keys(map, $"inputs.{name}", InputKeys);
        var columnsNode = Reading.Value(map, "columns");
        if (columnsNode is null)
        {
            _read.Error(map.Location, $"input '{name}' needs 'columns' (a list or a glob such as \"p*\")");
            return null;
        }

        var inner = columnsNode is MappingNode ? null : BindInput(name, columnsNode);
        if (columnsNode is MappingNode)
        {
            _read.Error(columnsNode.Location, $"'columns' must be a list of columns or a glob such as \"p*\", got a mapping");
        }

        var shapeValues = _read.NumberList(map, "shape");
        List<int>? shape = null;
        if (shapeValues is not null)
        {
            if (shapeValues.Count == 0 || shapeValues.Any(v => v < 1 || v != Math.Floor(v)))
            {
                _read.Error(map["shape"]!.Location, "'shape' must list whole numbers of at least 1, e.g. [1, 8, 8]");
                return null;
            }

            shape = [.. shapeValues.Select(v => (int)v)];
            var size = shape.Aggregate(1L, (a, b) => a * b);
            if (inner?.Columns is { } columns && columns.Count != size)
            {
                _read.Error(map["shape"]!.Location, $"'shape' [{string.Join(", ", shape)}] holds {size} values per row, but input '{name}' lists {columns.Count} columns; make them agree");
            }
        }

        return inner is null ? null : inner with { Shape = shape };
    }

    /// <summary>A model fed its own label would pass every check; name the input that does it.</summary>
    private void RejectLabelAsInput(string label)
    {
        foreach (var reference in _columns.Where(c => c.Usage.Role == ColumnRole.Input && !c.IsPattern && c.Column == label))
        {
            _read.Error(reference.Location, $"{reference.Usage} includes the label column '{label}', so the model would see the answer; remove it from the input");
        }
    }

    private static string Name(TaskKind task) => task.ToString().ToLowerInvariant();
}
