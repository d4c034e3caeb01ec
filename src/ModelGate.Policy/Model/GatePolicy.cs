using ModelGate.Core;
using ModelGate.Core.Plan;
using ModelGate.Policy.Diagnostics;
using ModelGate.Policy.Printing;

namespace ModelGate.Policy.Model;

/// <summary>
/// A loaded, validated, immutable <c>modelgate.yml</c> (after <c>extends:</c> is resolved).
/// Paths are absolute; checks are Core <see cref="CheckSpec"/>s with their waivers attached.
/// </summary>
internal sealed record GatePolicy
{
    /// <summary>The policy file as the user named it.</summary>
    public required string File { get; init; }

    /// <summary>The files merged into this policy, most basic first, ending with <see cref="File"/>.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>The task.</summary>
    public required TaskKind Task { get; init; }

    /// <summary>The models.</summary>
    public required ModelsConfig Models { get; init; }

    /// <summary>The data.</summary>
    public required DataConfig Data { get; init; }

    /// <summary>Named slices, in policy order.</summary>
    public IReadOnlyList<SliceSpec> Slices { get; init; } = [];

    /// <summary>Statistical settings (min_support from <c>slices:</c> included).</summary>
    public StatisticsOptions Statistics { get; init; } = new();

    /// <summary>The checks in policy order, waivers attached (latency checks with several percentiles give one spec each).</summary>
    public IReadOnlyList<CheckSpec> Checks { get; init; } = [];

    /// <summary>The safety sets the safety checks refer to by <see cref="SafetyCheckSpec.Set"/>.</summary>
    public IReadOnlyList<SafetySet> SafetySets { get; init; } = [];

    /// <summary>The waivers as written.</summary>
    public IReadOnlyList<PolicyWaiver> Waivers { get; init; } = [];

    /// <summary>Report options.</summary>
    public ReportOptions Report { get; init; } = new([], 20, []);

    /// <summary>Every place the policy names a holdout column.</summary>
    public IReadOnlyList<ColumnReference> ColumnReferences { get; init; } = [];

    /// <summary>Reference data files of drift checks that name one (absolute paths), by check id; the others use data.train.</summary>
    public IReadOnlyDictionary<string, string> DriftReferences { get; init; } = new Dictionary<string, string>();

    /// <summary>The plan Core judges.</summary>
    public GatePlan ToGatePlan() => new()
    {
        Task = Task,
        Checks = Checks,
        MaxInvalidRows = Models.MaxInvalidRows,
        Slices = Slices,
        Statistics = Statistics,
        DecisionThreshold = Models.DecisionThreshold,
        ReportMetrics = Report.Metrics,
    };

    /// <summary>
    /// Errors for every column the policy names that the holdout header lacks (with "did you mean"),
    /// and for globs that match nothing. Empty when the header fits.
    /// </summary>
    public IReadOnlyList<PolicyDiagnostic> ValidateAgainstColumns(IReadOnlyCollection<string> holdoutColumns) =>
        ColumnValidation.Validate(this, holdoutColumns);

    /// <summary>
    /// Errors for the columns the train sample must have (the label and the model inputs), for the
    /// generalization gap; the holdout-only columns (slices, where, id, report) are not required there.
    /// </summary>
    public IReadOnlyList<PolicyDiagnostic> ValidateAgainstTrainColumns(IReadOnlyCollection<string> trainColumns) =>
        ColumnValidation.Validate(this with { ColumnReferences = [.. ColumnReferences.Where(c => c.Usage.IsModelData)] }, trainColumns, "train sample");

    /// <summary>The resolved policy as YAML (defaults filled in, paths relative to the policy's folder).</summary>
    public string ToYaml() => PolicyPrinter.Print(this);
}
