using ModelGate.Core.Limits;
using ModelGate.Data;
using ModelGate.Policy.Model;

namespace ModelGate.Engine;


/// <summary>
/// The columns a run needs from the holdout (inputs, label, id, weight, slices, filters, report columns), so only
/// those are materialised; the missing-value policy applies to the model inputs only.
/// </summary>
/// <param name="Columns">Every column to read.</param>
/// <param name="Features">The model inputs' columns.</param>
/// <param name="AfterScoring">
/// The columns still read once both models have scored a row: label, id, weight, slices, filters, report columns
/// (a feature among them is kept; a feature only the models read is not).
/// </param>
internal sealed record HoldoutColumnsNeeded(IReadOnlyList<string> Columns, IReadOnlyList<string> Features, IReadOnlyList<string> AfterScoring)
{
    /// <summary>Works out the columns from the policy and the file's header.</summary>
    public static HoldoutColumnsNeeded For(GatePolicy policy, IReadOnlyList<string> header, IReadOnlyList<ModelInputPlan> inputs)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(inputs);
        var features = inputs.SelectMany(i => i.Columns).Distinct(StringComparer.Ordinal).ToList();
        var columns = new List<string>(features);
        var afterScoring = new List<string>();
        void Add(string? column, bool usedAfterScoring = true)
        {
            if (column is null)
            {
                return;
            }

            if (!columns.Contains(column, StringComparer.Ordinal))
            {
                columns.Add(column);
            }

            if (usedAfterScoring && !afterScoring.Contains(column, StringComparer.Ordinal))
            {
                afterScoring.Add(column);
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
                // The input mapping names features, which only the models read; a declared type matters only while reading.
                Add(reference.Column, usedAfterScoring: reference.Usage.Role is not (ColumnRole.Input or ColumnRole.ColumnType));
            }
        }

        foreach (var column in policy.Report.ShowColumns)
        {
            Add(column);
        }

        // A drift check compares feature values after scoring, so its features are kept (the model inputs when it names none).
        foreach (var drift in policy.Checks.OfType<Core.Plan.DriftCheckSpec>())
        {
            foreach (var column in DriftInputs.Features(drift, header, features))
            {
                Add(column);
            }
        }

        foreach (var leakage in policy.Checks.OfType<Core.Plan.LeakageCheckSpec>())
        {
            foreach (var column in DriftInputs.Features(leakage, header, features))
            {
                Add(column);
            }
        }

        return new HoldoutColumnsNeeded(columns, features, afterScoring);
    }

    /// <summary>
    /// The columns of the train sample: the model inputs and the label, all the generalization gap reads (slices,
    /// weights, filters and report columns are the holdout's).
    /// </summary>
    public static HoldoutColumnsNeeded ForTrain(GatePolicy policy, IReadOnlyList<ModelInputPlan> inputs)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(inputs);
        var features = inputs.SelectMany(i => i.Columns).Distinct(StringComparer.Ordinal).ToList();
        var columns = features.Contains(policy.Data.Label, StringComparer.Ordinal) ? features : [.. features, policy.Data.Label];
        return new HoldoutColumnsNeeded(columns, features, [policy.Data.Label]);
    }

    /// <summary>Reading options for these columns.</summary>
    public HoldoutReadOptions ToReadOptions(GatePolicy policy, ResourceLimits? limits = null, bool withRowIds = true)
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
            Limits = limits ?? ResourceLimits.Default,
            Missing = policy.Data.Missing,
        };
    }
}
