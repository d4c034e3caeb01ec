namespace ModelGate.Data;

/// <summary>A column of doubles; missing values are NaN.</summary>
internal sealed class NumberColumn : HoldoutColumn
{
    private readonly double[] values;

    /// <summary>Wraps the values without copying.</summary>
    public NumberColumn(string name, double[] values)
        : this(name, values, values?.Length ?? 0)
    {
    }

    /// <summary>Wraps the first <paramref name="length"/> values of larger arrays, so a reader hands over its buffers without copying.</summary>
    internal NumberColumn(string name, double[] values, int length)
        : base(name, length)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = values;
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Number;

    /// <summary>The values (missing = NaN).</summary>
    public ReadOnlyMemory<double> Values => values.AsMemory(0, Length);

    /// <inheritdoc />
    public override bool IsMissing(int row) => double.IsNaN(values[row]);

    /// <inheritdoc />
    public override double ValueAsDouble(int row) => values[row];

    /// <inheritdoc />
    public override string? ValueAsText(int row) => double.IsNaN(values[row]) ? null : Format(values[row]);
}
