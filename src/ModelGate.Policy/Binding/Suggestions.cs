using ModelGate.Core.Text;

namespace ModelGate.Policy.Binding;

/// <summary>The policy's phrasing of <see cref="NameSuggestions"/>: "; did you mean 'x'?".</summary>
internal static class Suggestions
{
    /// <summary>"; did you mean 'x'?" or empty.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        NameSuggestions.Closest(typed, candidates) is { } s ? $"; did you mean '{s}'?" : string.Empty;
}
