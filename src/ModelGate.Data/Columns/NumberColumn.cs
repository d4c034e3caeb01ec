namespace ModelGate.Data;

/// <summary>A column of doubles; missing values are NaN.</summary>
public sealed class NumberColumn : HoldoutColumn
{
    private readonly double[] values;

    /// <summary>Wraps the values without copying.</summary>
    public NumberColumn(string name, double[] values)
        : base(name, values?.Length ?? 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = values;
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Number;

    /// <summary>The values (missing = NaN).</summary>
    public ReadOnlyMemory<double> Values => values;

    /// <inheritdoc />
    public override bool IsMissing(int row) => double.IsNaN(values[row]);

    /// <inheritdoc />
    public override double ValueAsDouble(int row) => values[row];

    /// <inheritdoc />
    public override string? ValueAsText(int row) => double.IsNaN(values[row]) ? null : Format(values[row]);
}
