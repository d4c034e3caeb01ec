namespace ModelGate.Core.Plan;

/// <summary>
/// A named subgroup definition: by the values of one column, by numeric bins of one column, or by the
/// intersection of several columns. The caller turns it into <see cref="Evaluation.SliceColumn"/> keys per row.
/// </summary>
/// <param name="Name">The name checks refer to.</param>
/// <param name="Columns">One column, or several for an intersection.</param>
/// <param name="Bins">Bin edges for a numeric column (e.g. [0, 25, 45, 120] gives [0,25), [25,45), [45,120]); null for categories.</param>
/// <param name="Location">Where it is defined in the policy.</param>
internal sealed record SliceSpec(string Name, IReadOnlyList<string> Columns, IReadOnlyList<double>? Bins = null, SourceLocation? Location = null);
