namespace ModelGate.Data.Selection;

/// <summary>Finds the names a user probably meant: small edit distance (ignoring case) or a shared prefix.</summary>
public static class NameSuggestion
{
    /// <summary>Up to <paramref name="max"/> candidates close to <paramref name="name"/>, closest first.</summary>
    public static IReadOnlyList<string> Suggest(string name, IEnumerable<string> candidates, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        var limit = Math.Max(1, name.Length / 3);
        return candidates
            .Select(c => (Name: c, Distance: Distance(name.ToUpperInvariant(), c.ToUpperInvariant()), Prefix: SharesPrefix(name, c)))
            .Where(c => c.Distance <= limit || c.Prefix)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>The Levenshtein distance: insertions, deletions and substitutions.</summary>
    public static int Distance(string a, string b)
        => ModelGate.Core.EditDistance.Between(a, b);

    private static bool SharesPrefix(string name, string candidate) =>
        name.Length >= 3 && candidate.Length >= 3
        && (candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase) || name.StartsWith(candidate, StringComparison.OrdinalIgnoreCase));
}
