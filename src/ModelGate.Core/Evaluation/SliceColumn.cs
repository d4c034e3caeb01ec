namespace ModelGate.Core.Evaluation;

/// <summary>
/// Group membership per row for one slice: <see cref="GroupOf"/>[row] indexes <see cref="GroupNames"/>;
/// -1 means the row belongs to no group (e.g. a missing value), and is counted as such.
/// </summary>
internal sealed record SliceColumn(string Name, int[] GroupOf, IReadOnlyList<string> GroupNames);
