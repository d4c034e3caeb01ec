using ModelGate.Data;
using ModelGate.Policy.Where;

namespace ModelGate.Engine;

/// <summary>Lets a safety set's <c>where</c> filter read the holdout's columns.</summary>
internal sealed class HoldoutFilterColumns(Holdout holdout) : IHoldoutColumns
{
    /// <inheritdoc/>
    public int RowCount => holdout.RowCount;

    /// <inheritdoc/>
    public bool TryGetNumeric(string column, out IReadOnlyList<double> values)
    {
        if (holdout.Columns.Contains(column, StringComparer.Ordinal) && holdout.Column(column).Kind != ColumnKind.Text)
        {
            values = holdout.GetDouble(column);
            return true;
        }

        values = [];
        return false;
    }

    /// <inheritdoc/>
    public bool TryGetText(string column, out IReadOnlyList<string?> values)
    {
        if (holdout.Columns.Contains(column, StringComparer.Ordinal))
        {
            values = holdout.GetText(column);
            return true;
        }

        values = [];
        return false;
    }
}
