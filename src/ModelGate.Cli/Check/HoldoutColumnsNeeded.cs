using ModelGate.Data;
using ModelGate.Policy.Model;

namespace ModelGate.Cli.Check;

using Policy = ModelGate.Policy.Model.Policy;

/// <summary>
/// The columns a run needs from the holdout (inputs, label, id, weight, slices, filters, report columns), so only
/// those are materialised; the missing-value policy applies to the model inputs only.
/// </summary>
public sealed record HoldoutColumnsNeeded(IReadOnlyList<string> Columns, IReadOnlyList<string> Features)
{
    /// <summary>Works out the columns from the policy and the file's header.</summary>
    public static HoldoutColumnsNeeded For(Policy policy, IReadOnlyList<string> header, IReadOnlyList<ModelInputPlan> inputs)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(inputs);
        var features = inputs.SelectMany(i => i.Columns).Distinct(StringComparer.Ordinal).ToList();
        var columns = new List<string>(features);
        void Add(string? column)
        {
            if (column is not null && !columns.Contains(column, StringComparer.Ordinal))
            {
                columns.Add(column);
            }
        }

        Add(policy.Data.Label);
        Add(policy.Data.Id);
        Add(policy.Data.Weight);
        foreach (var slice in policy.Slices)
        {
            foreach (var column in slice.Columns)
            {
                Add(column);
            }
        }

        foreach (var reference in policy.ColumnReferences.Where(r => !r.IsPattern))
        {
            if (header.Contains(reference.Column, StringComparer.Ordinal))
            {
                Add(reference.Column);
            }
        }

        foreach (var column in policy.Report.ShowColumns)
        {
            Add(column);
        }

        return new HoldoutColumnsNeeded(columns, features);
    }

    /// <summary>Reading options for these columns.</summary>
    public HoldoutReadOptions ToReadOptions(Policy policy, bool withRowIds = true)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var kinds = policy.Data.ColumnTypes.ToDictionary(
            kv => kv.Key,
            kv => kv.Value == ColumnType.Text ? ColumnKind.Text : ColumnKind.Number,
            StringComparer.Ordinal);
        return new HoldoutReadOptions
        {
            Columns = withRowIds || policy.Data.Id is null ? Columns : [.. Columns.Where(c => c != policy.Data.Id)],
            Features = Features,
            RowIdColumn = withRowIds ? policy.Data.Id : null,
            ColumnKinds = kinds,
            Missing = policy.Data.Missing switch
            {
                MissingValues.Drop => MissingPolicy.Drop,
                MissingValues.Nan => MissingPolicy.PassNaN,
                _ => MissingPolicy.Fail,
            },
        };
    }
}
