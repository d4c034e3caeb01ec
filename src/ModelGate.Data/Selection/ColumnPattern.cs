using System.Text;
using ModelGate.Core.Text;

namespace ModelGate.Data.Selection;

/// <summary>Resolves column names and globs (<see cref="Glob"/>) against a file's columns.</summary>
internal static class ColumnPattern
{
    /// <summary>
    /// Expands the patterns in order: a plain name must exist (else an error with "did you mean"), a glob adds its
    /// matches in file order and must match something. Each column appears once, at its first mention.
    /// </summary>
    public static IReadOnlyList<string> Resolve(IEnumerable<string> patterns, IReadOnlyList<string> available, string file)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(available);
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string>? names = null;
        foreach (var pattern in patterns)
        {
            if (Glob.IsPattern(pattern))
            {
                var matches = available.Where(a => Glob.Matches(pattern, a)).ToList();
                if (matches.Count == 0)
                {
                    throw new HoldoutException(file, null, pattern, null, "the pattern matches no column", "use a pattern that matches some of the file's columns: " + List(available));
                }

                result.AddRange(matches.Where(seen.Add));
            }
            else if ((names ??= available.ToHashSet(StringComparer.Ordinal)).Contains(pattern))
            {
                if (seen.Add(pattern))
                {
                    result.Add(pattern);
                }
            }
            else
            {
                throw new HoldoutException(file, null, pattern, null, "no such column" + DidYouMean(pattern, available), "use one of the file's columns: " + List(available));
            }
        }

        return result;
    }

    /// <summary>" (did you mean 'x' or 'y'?)" for near names, or empty.</summary>
    public static string DidYouMean(string name, IEnumerable<string> available)
    {
        var near = NameSuggestions.Near(name, available);
        return near.Count == 0 ? string.Empty : " (did you mean " + string.Join(" or ", near.Select(n => "'" + n + "'")) + "?)";
    }

    private static string List(IReadOnlyList<string> names)
    {
        const int Shown = 12;
        var text = new StringBuilder(string.Join(", ", names.Take(Shown)));
        if (names.Count > Shown)
        {
            text.Append(FormattableString.Invariant($" and {names.Count - Shown} more"));
        }

        return text.ToString();
    }
}
