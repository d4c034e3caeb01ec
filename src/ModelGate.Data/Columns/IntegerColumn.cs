using System.Globalization;

namespace ModelGate.Data;

/// <summary>A column of 64-bit integers with a missing mask.</summary>
internal sealed class IntegerColumn : HoldoutColumn
{
    private readonly long[] values;
    private readonly bool[]? missing;

    /// <summary>Wraps the values and the mask (null = nothing missing) without copying.</summary>
    public IntegerColumn(string name, long[] values, bool[]? missing)
        : this(name, values, missing, values?.Length ?? 0)
    {
    }

    /// <summary>Wraps the first <paramref name="length"/> values of larger arrays, so a reader hands over its buffers without copying.</summary>
    internal IntegerColumn(string name, long[] values, bool[]? missing, int length)
        : base(name, length)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = values;
        this.missing = missing;
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.WholeNumber;

    /// <summary>The values (0 where missing).</summary>
    public ReadOnlyMemory<long> Values => values.AsMemory(0, Length);

    /// <inheritdoc />
    public override bool IsMissing(int row) => missing is not null && missing[row];

    /// <inheritdoc />
    public override double ValueAsDouble(int row) => IsMissing(row) ? double.NaN : values[row];

    /// <inheritdoc />
    public override string? ValueAsText(int row) => IsMissing(row) ? null : values[row].ToString(CultureInfo.InvariantCulture);
}
