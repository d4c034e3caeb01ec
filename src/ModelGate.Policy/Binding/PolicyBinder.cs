using ModelGate.Core;
using ModelGate.Core.Plan;
using ModelGate.Core.Text;
using ModelGate.Policy.Diagnostics;
using ModelGate.Policy.Model;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>Turns the merged YAML tree into a <see cref="Model.Policy"/>, collecting every diagnostic on the way.</summary>
internal sealed partial class PolicyBinder
{
    public static readonly string[] TopKeys = ["version", "extends", "task", "models", "data", "slices", "statistics", "checks", "waivers", "report"];

    private static readonly (string, TaskKind)[] Tasks = [("binary", TaskKind.Binary), ("multiclass", TaskKind.Multiclass), ("regression", TaskKind.Regression)];

    private readonly Reading _read;
    private readonly DateOnly _today;
    private readonly PolicyPaths _paths;
    private readonly PolicyLoadOptions _options;
    private readonly List<ColumnReference> _columns = [];
    private TaskKind? _task;
    private ModelsConfig? _models;
    private DataConfig? _data;
    private IReadOnlyList<SliceSpec> _slices = [];

    private PolicyBinder(Reading read, DateOnly today, PolicyPaths paths, PolicyLoadOptions options)
    {
        _read = read;
        _today = today;
        _paths = paths;
        _options = options;
    }

    /// <summary>Binds the root mapping; null when any error was found (all of them are in <paramref name="diagnostics"/>).</summary>
    public static Model.GatePolicy? Bind(MappingNode root, string file, IReadOnlyList<string> sources, DateOnly today, List<PolicyDiagnostic> diagnostics, PolicyPaths paths, PolicyLoadOptions options)
    {
        var binder = new PolicyBinder(new Reading(diagnostics), today, paths, options);
        return binder.BindRoot(root, file, sources);
    }

    private Model.GatePolicy? BindRoot(MappingNode root, string file, IReadOnlyList<string> sources)
    {
        _read.Keys(root, "the policy", TopKeys);
        _task = BindTask(root);
        _models = BindModels(root);
        _data = BindData(root);
        var (slices, minSupport) = BindSlices(root);
        _slices = slices;
        var statistics = BindStatistics(root, minSupport);
        var report = BindReport(root);
        var (checks, safety) = BindChecks(root);
        var waivers = BindWaivers(root, checks);
        if (_read.ErrorCount > 0 || _task is null || _models is null || _data is null)
        {
            return null;
        }

        return new Model.GatePolicy
        {
            File = file,
            Sources = sources,
            Task = _task.Value,
            Models = _models,
            Data = _data,
            Slices = _slices,
            Statistics = statistics,
            Checks = AttachWaivers(checks, waivers),
            SafetySets = safety,
            Waivers = waivers,
            Report = report,
            ColumnReferences = _columns,
            DriftReferences = _driftReferences,
        };
    }

    private TaskKind? BindTask(MappingNode root)
    {
        if (Reading.Value(root, "task") is null)
        {
            _read.Error(root.Location, "the policy needs 'task' (binary, multiclass or regression)");
            return null;
        }

        return _read.Choice(root, "task", Tasks);
    }

    private void Column(ScalarNode node, ColumnUsage usage) =>
        _columns.Add(new ColumnReference(node.Value, usage, node.Location, Glob.IsPattern(node.Value)));

    /// <summary>A path written in a policy file, made absolute against that file's folder (base files keep their own folder); one outside the repository is an error.</summary>
    private string ResolvePath(ScalarNode node)
    {
        var path = _paths.Resolve(node, out var problem);
        if (problem is not null)
        {
            _read.Error(node.Location, problem);
        }

        return path;
    }
}
