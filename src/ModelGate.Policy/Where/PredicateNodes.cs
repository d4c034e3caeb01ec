namespace ModelGate.Policy.Where;

/// <summary>
/// <c>left op right</c>. A comparison involving a missing value is false (so <c>not (x &gt; 3)</c> selects rows
/// where x is missing; say <c>x is missing</c> when that is what you mean).
/// </summary>
internal sealed record ComparisonNode(Operand Left, string Operator, Operand Right) : WhereNode
{
    /// <inheritdoc/>
    public override bool[] Evaluate(IHoldoutColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var numeric = Left is NumberOperand || Right is NumberOperand ||
            (Left is ColumnOperand l && Right is ColumnOperand r && ColumnValues.HasNumeric(columns, l.Name) && ColumnValues.HasNumeric(columns, r.Name));
        var result = new bool[columns.RowCount];
        if (numeric)
        {
            var a = ColumnValues.Numbers(columns, Left);
            var b = ColumnValues.Numbers(columns, Right);
            for (var i = 0; i < result.Length; i++)
            {
                var x = a(i);
                var y = b(i);
                result[i] = !double.IsNaN(x) && !double.IsNaN(y) && Holds(x.CompareTo(y));
            }
        }
        else
        {
            var a = ColumnValues.Texts(columns, Left);
            var b = ColumnValues.Texts(columns, Right);
            for (var i = 0; i < result.Length; i++)
            {
                var x = a(i);
                var y = b(i);
                result[i] = x is not null && y is not null && Holds(string.CompareOrdinal(x, y));
            }
        }

        return result;
    }

    private bool Holds(int order) => Operator switch
    {
        "==" => order == 0,
        "!=" => order != 0,
        "<" => order < 0,
        "<=" => order <= 0,
        ">" => order > 0,
        _ => order >= 0,
    };

    /// <inheritdoc/>
    public override IEnumerable<ColumnOperand> Columns() => new[] { Left, Right }.OfType<ColumnOperand>();

    /// <inheritdoc/>
    public override string ToString() => $"{Left} {Operator} {Right}";
}

/// <summary><c>column in [a, b, ...]</c> (or <c>not in</c>); a missing value is in no list.</summary>
internal sealed record InListNode(ColumnOperand Column, IReadOnlyList<Operand> Values, bool Negated) : WhereNode
{
    /// <inheritdoc/>
    public override bool[] Evaluate(IHoldoutColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var result = new bool[columns.RowCount];
        if (Values[0] is NumberOperand)
        {
            var set = Values.Cast<NumberOperand>().Select(v => v.Value).ToHashSet();
            var get = ColumnValues.Numbers(columns, Column);
            for (var i = 0; i < result.Length; i++)
            {
                var x = get(i);
                result[i] = !double.IsNaN(x) && set.Contains(x) != Negated;
            }
        }
        else
        {
            var set = Values.Cast<TextOperand>().Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
            var get = ColumnValues.Texts(columns, Column);
            for (var i = 0; i < result.Length; i++)
            {
                var x = get(i);
                result[i] = x is not null && set.Contains(x) != Negated;
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public override IEnumerable<ColumnOperand> Columns() => [Column];

    /// <inheritdoc/>
    public override string ToString() => $"{Column} {(Negated ? "not in" : "in")} [{string.Join(", ", Values)}]";
}

/// <summary><c>column is missing</c> (or <c>is not missing</c>).</summary>
internal sealed record IsMissingNode(ColumnOperand Column, bool Negated) : WhereNode
{
    /// <inheritdoc/>
    public override bool[] Evaluate(IHoldoutColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var get = ColumnValues.Texts(columns, Column);
        var result = new bool[columns.RowCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (get(i) is null) != Negated;
        }

        return result;
    }

    /// <inheritdoc/>
    public override IEnumerable<ColumnOperand> Columns() => [Column];

    /// <inheritdoc/>
    public override string ToString() => $"{Column} is {(Negated ? "not missing" : "missing")}";
}
