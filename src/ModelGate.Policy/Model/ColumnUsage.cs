namespace ModelGate.Policy.Model;

/// <summary>What a policy uses a column for.</summary>
internal enum ColumnRole
{
    /// <summary><c>data.label</c>: the answers.</summary>
    Label,

    /// <summary><c>data.id</c>: row ids for reports.</summary>
    Id,

    /// <summary><c>data.weight</c>: sample weights.</summary>
    Weight,

    /// <summary><c>data.column_types</c>: a declared type, used while reading only.</summary>
    ColumnType,

    /// <summary><c>inputs.&lt;name&gt;</c>: a feature of a model input.</summary>
    Input,

    /// <summary><c>slice '&lt;name&gt;'</c>: a slice's grouping column.</summary>
    Slice,

    /// <summary><c>where</c>: a safety set's filter.</summary>
    Where,

    /// <summary><c>report.show_columns</c>: shown beside rows in reports.</summary>
    ShowColumn,

    /// <summary><c>drift '&lt;id&gt;'</c>: a feature a drift check compares.</summary>
    Drift,

    /// <summary><c>leakage '&lt;id&gt;'</c>: a feature a leakage check compares.</summary>
    Leakage,

    /// <summary><c>rolling_window '&lt;id&gt;'</c>: the column that orders the holdout into windows.</summary>
    Window,

    /// <summary><c>report.evidence</c>: images or texts shown beside the worst rows.</summary>
    Evidence,

    /// <summary><c>robustness '&lt;id&gt;'</c>: a model input a robustness check perturbs.</summary>
    Robustness,
}

/// <summary>
/// Who refers to a column: a <see cref="ColumnRole"/> and, for inputs and slices, the input's or slice's name.
/// <see cref="ToString"/> is the text messages show, e.g. <c>data.label</c>, <c>inputs.pixels</c>, <c>slice 'colour'</c>.
/// </summary>
/// <param name="Role">What the column is used for.</param>
/// <param name="Name">The input or slice name; null for the other roles.</param>
internal sealed record ColumnUsage(ColumnRole Role, string? Name = null)
{
    /// <summary><c>data.label</c>.</summary>
    public static ColumnUsage Label { get; } = new(ColumnRole.Label);

    /// <summary><c>data.id</c>.</summary>
    public static ColumnUsage Id { get; } = new(ColumnRole.Id);

    /// <summary><c>data.weight</c>.</summary>
    public static ColumnUsage Weight { get; } = new(ColumnRole.Weight);

    /// <summary><c>data.column_types</c>.</summary>
    public static ColumnUsage ColumnType { get; } = new(ColumnRole.ColumnType);

    /// <summary><c>where</c>.</summary>
    public static ColumnUsage Where { get; } = new(ColumnRole.Where);

    /// <summary><c>report.show_columns</c>.</summary>
    public static ColumnUsage ShowColumn { get; } = new(ColumnRole.ShowColumn);

    /// <summary><c>report.evidence</c>.</summary>
    public static ColumnUsage Evidence { get; } = new(ColumnRole.Evidence);

    /// <summary>True for what the models read (inputs) and the label: the columns a train sample needs.</summary>
    public bool IsModelData => Role is ColumnRole.Input or ColumnRole.Label;

    /// <summary><c>inputs.&lt;name&gt;</c>.</summary>
    public static ColumnUsage Input(string name) => new(ColumnRole.Input, name);

    /// <summary><c>slice '&lt;name&gt;'</c>.</summary>
    public static ColumnUsage Slice(string name) => new(ColumnRole.Slice, name);

    /// <summary><c>drift '&lt;check id&gt;'</c>.</summary>
    public static ColumnUsage Drift(string check) => new(ColumnRole.Drift, check);

    /// <summary><c>leakage '&lt;check id&gt;'</c>.</summary>
    public static ColumnUsage Leakage(string check) => new(ColumnRole.Leakage, check);

    /// <summary><c>rolling_window '&lt;check id&gt;'</c>.</summary>
    public static ColumnUsage Window(string check) => new(ColumnRole.Window, check);

    /// <summary><c>robustness '&lt;check id&gt;'</c>.</summary>
    public static ColumnUsage Robustness(string check) => new(ColumnRole.Robustness, check);

    /// <inheritdoc/>
    public override string ToString() => Role switch
    {
        ColumnRole.Label => "data.label",
        ColumnRole.Id => "data.id",
        ColumnRole.Weight => "data.weight",
        ColumnRole.ColumnType => "data.column_types",
        ColumnRole.Input => $"inputs.{Name}",
        ColumnRole.Slice => $"slice '{Name}'",
        ColumnRole.Where => "where",
        ColumnRole.ShowColumn => "report.show_columns",
        ColumnRole.Evidence => "report.evidence",
        ColumnRole.Drift => $"drift '{Name}'",
        ColumnRole.Leakage => $"leakage '{Name}'",
        ColumnRole.Window => $"rolling_window '{Name}'",

        ColumnRole.Robustness => $"robustness '{Name}'",
        _ => Role.ToString(),
    };
}
