namespace ModelGate.Onnx.Inputs;

/// <summary>One holdout column, already typed by the caller: numbers (NaN = missing) or text (null = missing).</summary>
internal sealed class InputColumn
{
    private InputColumn(string name, double[]? numbers, IReadOnlyList<string?>? texts)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Numbers = numbers;
        Texts = texts;
    }

    /// <summary>The column's name in the holdout (used in error messages).</summary>
    public string Name { get; }

    /// <summary>The values of a numeric column; null for a text column.</summary>
    public double[]? Numbers { get; }

    /// <summary>The values of a text column; null for a numeric column.</summary>
    public IReadOnlyList<string?>? Texts { get; }

    /// <summary>True for a text column.</summary>
    public bool IsText => Texts is not null;

    /// <summary>Number of rows.</summary>
    public int Length => Numbers?.Length ?? Texts!.Count;

    /// <summary>A numeric column.</summary>
    public static InputColumn Numeric(string name, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new InputColumn(name, values, null);
    }

    /// <summary>A text column (for string model inputs); null values are passed to the model as empty strings.</summary>
    public static InputColumn Text(string name, IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new InputColumn(name, null, values);
    }

    /// <summary>"name (numeric)" or "name (text)".</summary>
    public override string ToString() => $"{Name} ({(IsText ? "text" : "numeric")})";
}
