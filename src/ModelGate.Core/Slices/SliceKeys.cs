using System.Globalization;
using ModelGate.Core.Evaluation;

namespace ModelGate.Core.Slices;

/// <summary>Builds <see cref="SliceColumn"/> group keys from raw columns: by value, by numeric bin, by intersection.</summary>
internal static class SliceKeys
{
    /// <summary>The separator of intersection group names, e.g. "Black × Male".</summary>
    public const string IntersectionSeparator = " × ";

    /// <summary>One group per distinct value (ordinal order); null or empty values belong to no group (-1).</summary>
    public static SliceColumn FromCategories(string?[] values, string name = "")
    {
        ArgumentNullException.ThrowIfNull(values);
        var names = values.Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < names.Length; g++)
        {
            index[names[g]!] = g;
        }

        var groupOf = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            groupOf[i] = string.IsNullOrEmpty(values[i]) ? -1 : index[values[i]!];
        }

        return new SliceColumn(name, groupOf, names!);
    }

    /// <summary>
    /// Numeric bins from ascending edges: [e0, e1), [e1, e2), ..., [e(m-1), e(m)] (the last bin closed).
    /// NaN and values outside [e0, e(m)] belong to no group (-1).
    /// </summary>
    public static SliceColumn FromNumeric(double[] values, IReadOnlyList<double> edges, string name = "")
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(edges);
        if (edges.Count < 2)
        {
            throw new ArgumentException("Numeric bins need at least two edges.", nameof(edges));
        }

        for (var e = 1; e < edges.Count; e++)
        {
            if (!(edges[e] > edges[e - 1]))
            {
                throw new ArgumentException($"Bin edges must increase strictly; {Text(edges[e - 1])} is followed by {Text(edges[e])}.", nameof(edges));
            }
        }

        var bins = edges.Count - 1;
        var names = new string[bins];
        for (var b = 0; b < bins; b++)
        {
            names[b] = $"[{Text(edges[b])}, {Text(edges[b + 1])}{(b == bins - 1 ? "]" : ")")}";
        }

        var groupOf = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            groupOf[i] = -1;
            if (double.IsNaN(v) || v < edges[0] || v > edges[bins])
            {
                continue;
            }

            var b = 0;
            while (b < bins - 1 && v >= edges[b + 1])
            {
                b++;
            }

            groupOf[i] = b;
        }

        return new SliceColumn(name, groupOf, names);
    }

    /// <summary>
    /// The intersection of several slices: one group per combination that occurs (ordered by the component groups),
    /// named with " × "; a row missing from any component belongs to no group. Named "a_x_b" (rename with <c>with</c>).
    /// </summary>
    public static SliceColumn Intersect(params IReadOnlyList<SliceColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("Intersect needs at least one slice.", nameof(columns));
        }

        var rows = columns[0].GroupOf.Length;
        if (columns.Any(c => c.GroupOf.Length != rows))
        {
            throw new ArgumentException("Every slice must cover the same rows.", nameof(columns));
        }

        var keys = new long[rows];
        for (var i = 0; i < rows; i++)
        {
            long key = 0;
            foreach (var column in columns)
            {
                var g = column.GroupOf[i];
                if (g < 0)
                {
                    key = -1;
                    break;
                }

                key = (key * (column.GroupNames.Count + 1)) + g;
            }

            keys[i] = key;
        }

        var distinct = keys.Where(k => k >= 0).Distinct().Order().ToArray();
        var index = new Dictionary<long, int>();
        for (var g = 0; g < distinct.Length; g++)
        {
            index[distinct[g]] = g;
        }

        var groupOf = new int[rows];
        var names = new string[distinct.Length];
        for (var i = 0; i < rows; i++)
        {
            if (keys[i] < 0)
            {
                groupOf[i] = -1;
                continue;
            }

            var g = index[keys[i]];
            groupOf[i] = g;
            names[g] ??= string.Join(IntersectionSeparator, columns.Select(c => c.GroupNames[c.GroupOf[i]]));
        }

        return new SliceColumn(string.Join("_x_", columns.Select(c => c.Name)), groupOf, names);
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
