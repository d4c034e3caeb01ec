using System.Text;

namespace ModelGate.Data.Selection;

/// <summary>Resolves column names and globs (<c>*</c> any run of characters, <c>?</c> one character) against a file's columns.</summary>
public static class ColumnPattern
{
    /// <summary>Whether the text is a glob rather than a plain name.</summary>
    public static bool IsGlob(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.AsSpan().IndexOfAny('*', '?') >= 0;
    }

    /// <summary>Whether a name matches a glob (case-sensitive, whole name).</summary>
    public static bool Matches(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        return Match(pattern.AsSpan(), name.AsSpan());
    }

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
            if (IsGlob(pattern))
            {
                var matches = available.Where(a => Matches(pattern, a)).ToList();
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
        var near = NameSuggestion.Suggest(name, available);
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

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        // Iterative glob matching with backtracking to the last '*': linear in practice, no recursion.
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
