namespace ModelGate.Core.Text;

/// <summary>
/// "Did you mean": the one rule for policy keys, check kinds, slices, waivers and holdout columns. A candidate is near
/// what was typed when, ignoring case, it completes or is completed by it (both at least 3 characters: "warn" for
/// "warning") or is within max(2, length / 3) edits of it (Levenshtein). Completions come first, then by distance,
/// then in the candidates' order.
/// </summary>
internal static class NameSuggestions
{
    /// <summary>Up to <paramref name="max"/> near candidates, nearest first.</summary>
    public static IReadOnlyList<string> Near(string typed, IEnumerable<string> candidates, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        var allowed = Math.Max(2, typed.Length / 3);
        var lower = typed.ToLowerInvariant();
        return candidates
            .Select((c, i) => (Name: c, Order: i, Completes: Completes(typed, c), Distance: Distance(lower, c.ToLowerInvariant())))
            .Where(c => c.Completes || c.Distance <= allowed)
            .OrderBy(c => c.Completes ? 0 : 1)
            .ThenBy(c => c.Distance)
            .ThenBy(c => c.Order)
            .Take(max)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>The nearest candidate, or null when none is near enough to be a typo.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates) => Near(typed, candidates, 1) is [var best] ? best : null;

    /// <summary>The number of single-character insertions, deletions and substitutions turning <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static bool Completes(string typed, string candidate) =>
        typed.Length >= 3 && candidate.Length >= 3
        && (candidate.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || typed.StartsWith(candidate, StringComparison.OrdinalIgnoreCase));
}
