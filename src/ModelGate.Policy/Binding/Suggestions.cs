namespace ModelGate.Policy.Binding;

/// <summary>"Did you mean" by Levenshtein distance.</summary>
public static class Suggestions
{
    /// <summary>The closest candidate to <paramref name="typed"/>, or null when none is close enough to be a typo.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        // A truncated word ("warn") is a typo of the word it starts, however far in edits.
        if (typed.Length >= 3 && candidates.FirstOrDefault(c => c.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) is { } completion)
        {
            return completion;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        var allowed = Math.Max(2, typed.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>"; did you mean 'x'?" or empty.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } s ? $"; did you mean '{s}'?" : string.Empty;

    /// <summary>Levenshtein edit distance.</summary>
    public static int Distance(string a, string b)
        => ModelGate.Core.EditDistance.Between(a, b);
}
