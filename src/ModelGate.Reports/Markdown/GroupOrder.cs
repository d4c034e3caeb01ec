using ModelGate.Core.Results;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Worst groups first: largest regression vs the baseline, else worst candidate value; undefined last; then by name.</summary>
internal static class GroupOrder
{
    /// <summary>The groups to report: the result's own list, or (when empty) the evidence of its checks, without duplicates.</summary>
    public static IReadOnlyList<GroupResult> All(GateResult r)
    {
        if (r.Groups.Count > 0)
        {
            return r.Groups;
        }

        return r.Checks.SelectMany(c => c.Groups).Distinct().ToList();
    }

    /// <summary>Metric ids in order of first appearance.</summary>
    public static IReadOnlyList<string> Metrics(IEnumerable<GroupResult> groups) => groups.Select(g => g.Metric).Distinct().ToList();

    /// <summary>The groups of one metric, worst first, in a stable order.</summary>
    public static IReadOnlyList<GroupResult> WorstFirst(IEnumerable<GroupResult> groups, string metric)
    {
        var direction = CheckFacts.Direction(metric);
        return groups.Where(g => string.Equals(g.Metric, metric, StringComparison.Ordinal))
            .OrderBy(g => Tier(g))
            .ThenBy(g => Key(g, direction))
            .ThenBy(g => g.Candidate.IsDefined ? direction * g.Candidate.Value : 0)
            .ThenBy(g => g.Slice, StringComparer.Ordinal)
            .ThenBy(g => g.Group, StringComparer.Ordinal)
            .ToList();
    }

    private static int Tier(GroupResult g) => g.Delta is { IsDefined: true } ? 0 : g.Candidate.IsDefined ? 1 : 2;

    private static double Key(GroupResult g, int direction) => Tier(g) switch
    {
        0 => direction * g.Delta!.Value,
        1 => direction * g.Candidate.Value,
        _ => 0,
    };
}
