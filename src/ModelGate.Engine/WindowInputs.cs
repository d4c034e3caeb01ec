using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;
using ModelGate.Core.Slices;
using ModelGate.Data;
using ModelGate.Policy.Model;

namespace ModelGate.Engine;

/// <summary>The windows of every rolling-window check: the holdout's kept rows cut along the check's order column.</summary>
internal static class WindowInputs
{
    /// <summary>Windows by check id; empty without rolling-window checks. A value that cannot be placed is a holdout error naming its line and column.</summary>
    public static Dictionary<string, SliceColumn> For(GatePolicy policy, Holdout holdout)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(holdout);
        var windows = new Dictionary<string, SliceColumn>(StringComparer.Ordinal);
        foreach (var spec in policy.Checks.OfType<RollingWindowCheckSpec>())
        {
            var name = spec.OrderBy ?? "row order";
            if (spec.OrderBy is not { } column)
            {
                windows[spec.Id] = RollingWindows.Of(name, holdout.RowCount, spec.Period, spec.Windows, null, null).Column!;
                continue;
            }

            var values = holdout.Column(column);
            var numeric = values.Kind is ColumnKind.Text or ColumnKind.Boolean ? null : values.ToDoubles();
            var cut = RollingWindows.Of(name, holdout.RowCount, spec.Period, spec.Windows, values.ToText(), numeric);
            if (cut.Problem is { } e)
            {
                var fix = e.Value is null
                    ? "give every row a value in this column, or drop the rows (data.missing: drop)"
                    : spec.Period == WindowPeriod.Count || numeric is not null
                        ? $"fix the value, or use 'period: value' or 'windows: N' (rolling_window '{spec.Id}')"
                        : $"write dates as yyyy-MM-dd (rolling_window '{spec.Id}')";
                throw new HoldoutException(holdout.File, holdout.RowLine(e.Row), column, e.Value, e.Value is null ? e.Problem : $"{e.Problem}: '{e.Value}'", fix);
            }

            windows[spec.Id] = cut.Column!;
        }

        return windows;
    }
}
