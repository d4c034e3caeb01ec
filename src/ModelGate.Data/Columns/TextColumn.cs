namespace ModelGate.Data;

/// <summary>A categorical text column: a code per row into <see cref="Categories"/>; -1 means missing.</summary>
internal sealed class TextColumn : HoldoutColumn
{
    private readonly int[] codes;

    /// <summary>Wraps the codes and categories without copying.</summary>
    public TextColumn(string name, int[] codes, IReadOnlyList<string> categories)
        : this(name, codes, categories, codes?.Length ?? 0)
    {
    }

    /// <summary>Wraps the first <paramref name="length"/> values of larger arrays, so a reader hands over its buffers without copying.</summary>
    internal TextColumn(string name, int[] codes, IReadOnlyList<string> categories, int length)
        : base(name, length)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(categories);
        this.codes = codes;
        Categories = categories;
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Text;

    /// <summary>The code of each row (-1 = missing).</summary>
    public ReadOnlyMemory<int> Codes => codes.AsMemory(0, Length);

    /// <summary>The distinct values, in order of first appearance.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <inheritdoc />
    public override bool IsMissing(int row) => codes[row] < 0;

    /// <inheritdoc />
    public override double ValueAsDouble(int row) =>
        throw new InvalidOperationException("Column '" + Name + "' holds text, not numbers.");

    /// <inheritdoc />
    public override string? ValueAsText(int row) => codes[row] < 0 ? null : Categories[codes[row]];
}
