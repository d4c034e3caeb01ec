namespace ModelGate.Data;

/// <summary>A column of booleans with a missing mask.</summary>
internal sealed class BooleanColumn : HoldoutColumn
{
    private readonly bool[] values;
    private readonly bool[]? missing;

    /// <summary>Wraps the values and the mask (null = nothing missing) without copying.</summary>
    public BooleanColumn(string name, bool[] values, bool[]? missing)
        : this(name, values, missing, values?.Length ?? 0)
    {
    }

    /// <summary>Wraps the first <paramref name="length"/> values of larger arrays, so a reader hands over its buffers without copying.</summary>
    internal BooleanColumn(string name, bool[] values, bool[]? missing, int length)
        : base(name, length)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = values;
        this.missing = missing;
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Boolean;

    /// <summary>The values (false where missing).</summary>
    public ReadOnlyMemory<bool> Values => values.AsMemory(0, Length);

    /// <inheritdoc />
    public override bool IsMissing(int row) => missing is not null && missing[row];

    /// <inheritdoc />
    public override double ValueAsDouble(int row) => IsMissing(row) ? double.NaN : values[row] ? 1 : 0;

    /// <inheritdoc />
    public override string? ValueAsText(int row) => IsMissing(row) ? null : values[row] ? "true" : "false";
}
