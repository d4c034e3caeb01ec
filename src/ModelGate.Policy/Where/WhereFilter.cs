namespace ModelGate.Policy.Where;

/// <summary>A parsed <c>where</c> expression with its source text.</summary>
/// <param name="Text">The expression as written.</param>
/// <param name="Root">The parsed tree.</param>
internal sealed record WhereFilter(string Text, WhereNode Root)
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="WhereSyntaxException"/> when it does not parse.</summary>
    public static WhereFilter Parse(string text) => new(text, WhereParser.Parse(text));

    /// <summary>The row mask: true where the expression holds. Throws <see cref="SafetySetException"/> when the holdout does not fit.</summary>
    public bool[] Evaluate(IHoldoutColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return Root.Evaluate(columns);
    }

    /// <summary>The distinct column names the expression reads.</summary>
    public IReadOnlyList<string> ColumnNames => [.. Root.Columns().Select(c => c.Name).Distinct(StringComparer.Ordinal)];
}
