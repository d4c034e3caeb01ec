namespace ModelGate.Core.Text;

/// <summary>
/// Column-name globs, the one matcher for the policy and the holdout reader: <c>*</c> matches any run of characters,
/// <c>?</c> one character; case-sensitive, whole name. Iterative with backtracking to the last <c>*</c>: no recursion.
/// </summary>
internal static class Glob
{
    /// <summary>True when <paramref name="text"/> matches <paramref name="pattern"/>.</summary>
    public static bool Matches(string pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
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

    /// <summary>True when the text holds glob characters.</summary>
    public static bool IsPattern(string text) => text is not null && text.AsSpan().IndexOfAny('*', '?') >= 0;
}
