using System.Globalization;

namespace ModelGate.Policy.Where;

/// <summary>A node of a parsed <c>where</c> expression; evaluates to one boolean per holdout row.</summary>
internal abstract record WhereNode
{
    /// <summary>One boolean per row.</summary>
    public abstract bool[] Evaluate(IHoldoutColumns columns);

    /// <summary>The columns the node reads, with their offsets in the expression.</summary>
    public abstract IEnumerable<ColumnOperand> Columns();
}

/// <summary>Both sides hold.</summary>
internal sealed record AndNode(WhereNode Left, WhereNode Right) : WhereNode
{
    /// <inheritdoc/>
    public override bool[] Evaluate(IHoldoutColumns columns)
    {
        var l = Left.Evaluate(columns);
        var r = Right.Evaluate(columns);
        for (var i = 0; i < l.Length; i++)
        {
            l[i] &= r[i];
        }

        return l;
    }

    /// <inheritdoc/>
    public override IEnumerable<ColumnOperand> Columns() => Left.Columns().Concat(Right.Columns());

    /// <inheritdoc/>
    public override string ToString() => $"({Left} and {Right})";
}

/// <summary>Either side holds.</summary>
internal sealed record OrNode(WhereNode Left, WhereNode Right) : WhereNode
{
    /// <inheritdoc/>
    public override bool[] Evaluate(IHoldoutColumns columns)
    {
        var l = Left.Evaluate(columns);
        var r = Right.Evaluate(columns);
        for (var i = 0; i < l.Length; i++)
        {
            l[i] |= r[i];
        }

        return l;
    }

    /// <inheritdoc/>
    public override IEnumerable<ColumnOperand> Columns() => Left.Columns().Concat(Right.Columns());

    /// <inheritdoc/>
    public override string ToString() => $"({Left} or {Right})";
}

/// <summary>The operand does not hold.</summary>
internal sealed record NotNode(WhereNode Operand) : WhereNode
{
    /// <inheritdoc/>
    public override bool[] Evaluate(IHoldoutColumns columns)
    {
        var v = Operand.Evaluate(columns);
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = !v[i];
        }

        return v;
    }

    /// <inheritdoc/>
    public override IEnumerable<ColumnOperand> Columns() => Operand.Columns();

    /// <inheritdoc/>
    public override string ToString() => $"not {Operand}";
}

/// <summary>A value in a comparison: a column, a number or a text literal.</summary>
internal abstract record Operand;

/// <summary>A holdout column, by name.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Offset">0-based position in the expression, for errors.</param>
internal sealed record ColumnOperand(string Name, int Offset) : Operand
{
    /// <inheritdoc/>
    public override string ToString() => Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.') && char.IsAsciiLetter(Name[0]) ? Name : $"`{Name}`";
}

/// <summary>A number literal.</summary>
internal sealed record NumberOperand(double Value) : Operand
{
    /// <inheritdoc/>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A text literal.</summary>
internal sealed record TextOperand(string Value) : Operand
{
    /// <inheritdoc/>
    public override string ToString() => $"'{Value.Replace("'", "''", StringComparison.Ordinal)}'";
}
