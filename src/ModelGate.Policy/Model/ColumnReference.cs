using ModelGate.Core.Plan;

namespace ModelGate.Policy.Model;

/// <summary>A place where the policy names a holdout column (or a glob over columns), for header validation.</summary>
/// <param name="Column">The column name or glob.</param>
/// <param name="Usage">Who refers to it, e.g. <c>slice 'colour'</c> (its text is what messages show).</param>
/// <param name="Location">Where it is written.</param>
/// <param name="IsPattern">True for a glob that must match at least one column.</param>
internal sealed record ColumnReference(string Column, ColumnUsage Usage, SourceLocation Location, bool IsPattern = false);
