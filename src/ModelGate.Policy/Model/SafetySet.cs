using ModelGate.Core.Plan;
using ModelGate.Core.Text;
using ModelGate.Policy.Where;

namespace ModelGate.Policy.Model;

/// <summary>
/// The rows a safety check guards: selected by a <c>where</c> expression over holdout columns, or listed by id in a
/// separate file. <see cref="Key"/> is the key of its mask in <c>EvaluationData.SafetySets</c> (the check id).
/// </summary>
/// <param name="Key">Mask key; equals the safety check's id.</param>
/// <param name="Name">What the set is, in the policy author's words.</param>
/// <param name="Where">The filter, or null when <see cref="RowsFile"/> is used.</param>
/// <param name="RowsFile">Absolute path of the must-pass rows file, or null.</param>
/// <param name="RowIds">The ids read from <see cref="RowsFile"/> at load time, or null.</param>
/// <param name="Location">Where the safety check is written.</param>
/// <param name="WhereLocation">Where the <c>where</c> text starts (inside the quotes), for column errors.</param>
internal sealed record SafetySet(
    string Key,
    string Name,
    WhereFilter? Where,
    string? RowsFile,
    IReadOnlyList<string>? RowIds,
    SourceLocation Location,
    SourceLocation? WhereLocation)
{
    /// <summary>The row mask on this holdout. <paramref name="rowIds"/> are the holdout's ids (needed for a rows file).</summary>
    /// <exception cref="SafetySetException">A column is absent or mistyped, or a listed id is not in the holdout.</exception>
    public bool[] SelectRows(IHoldoutColumns columns, IReadOnlyList<string>? rowIds)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (Where is not null)
        {
            try
            {
                return Where.Evaluate(columns);
            }
            catch (SafetySetException e)
            {
                throw new SafetySetException($"{Location}: safety set '{Name}' (where: {Where.Text}): {e.Message}", e);
            }
        }

        if (rowIds is null)
        {
            throw new SafetySetException($"{Location}: safety set '{Name}' lists row ids, but the holdout has no id column; set data.id");
        }

        var wanted = RowIds!.ToHashSet(StringComparer.Ordinal);
        var mask = new bool[rowIds.Count];
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = wanted.Remove(rowIds[i]);
        }

        if (wanted.Count > 0)
        {
            // The rows file is a pull request's to write: quote only short, escaped previews of its lines.
            var shown = string.Join(", ", wanted.Take(3).Select(id => ConsoleText.Preview(id)));
            throw new SafetySetException($"{Location}: safety set '{Name}': {wanted.Count} id(s) from {Path.GetFileName(RowsFile)} are not in the holdout ({shown}); fix the rows file or the holdout");
        }

        return mask;
    }
}
