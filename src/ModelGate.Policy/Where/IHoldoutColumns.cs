namespace ModelGate.Policy.Where;

/// <summary>
/// The holdout's columns as a <c>where</c> expression sees them; the CLI adapts the loaded holdout to this.
/// A column may offer a numeric view, a text view, or both.
/// </summary>
internal interface IHoldoutColumns
{
    /// <summary>Number of rows.</summary>
    int RowCount { get; }

    /// <summary>The column as numbers (NaN = missing), when every present value is a number.</summary>
    bool TryGetNumeric(string column, out IReadOnlyList<double> values);

    /// <summary>The column as text (null = missing).</summary>
    bool TryGetText(string column, out IReadOnlyList<string?> values);
}
