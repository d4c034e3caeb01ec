namespace ModelGate.Data;

/// <summary>Rejects headers that would make columns ambiguous: blank or repeated names.</summary>
internal static class HeaderCheck
{
    public static void Validate(string file, IReadOnlyList<string> names)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                throw new HoldoutException(file, 1, null, null, FormattableString.Invariant($"column {i + 1} has a blank name"), "give every column a name in the header");
            }

            if (!seen.TryAdd(names[i], i))
            {
                throw new HoldoutException(
                    file,
                    1,
                    names[i],
                    null,
                    FormattableString.Invariant($"duplicate column name (columns {seen[names[i]] + 1} and {i + 1})"),
                    "give every column a unique name");
            }
        }
    }
}
