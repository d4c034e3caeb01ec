namespace ModelGate.Onnx.Inputs;

/// <summary>How holdout columns become one model input tensor.</summary>
internal enum InputLayout
{
    /// <summary>Columns side by side in model order: one [N, F] tensor.</summary>
    Dense,

    /// <summary>One column as one input, [N, 1] (or [N] when the model declares rank 1); skl2onnx style.</summary>
    PerColumn,

    /// <summary>
    /// Columns reshaped row-major into [N, d1, ..., dk] (an image's [N, C, H, W], or [N, 8, 8]): column k goes to the
    /// position whose row-major index is k, e.g. (c, h, w) with k = (c*H + h)*W + w.
    /// </summary>
    Reshaped,

    /// <summary>
    /// Values computed per row from one column (an image's pixels, a text's token ids), already row-major: one
    /// [N, d1, ..., dk] input whose rows are <see cref="ModelInput.Values"/> sliced by the item shape's size.
    /// </summary>
    Computed,
}

/// <summary>The columns that feed one named model input, and how they are laid out.</summary>
internal sealed class ModelInput
{
    private ModelInput(string name, IReadOnlyList<InputColumn> columns, InputLayout layout, IReadOnlyList<int> itemShape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException($"Input '{name}' needs at least one column.", nameof(columns));
        }

        Name = name;
        Columns = columns;
        Layout = layout;
        ItemShape = itemShape;
    }

    private ModelInput(string name, InputColumn source, double[] values, IReadOnlyList<int> itemShape)
    {
        Name = name;
        Columns = [source];
        Layout = InputLayout.Computed;
        ItemShape = itemShape;
        Values = values;
    }

    /// <summary>The model input's name.</summary>
    public string Name { get; }

    /// <summary>With <see cref="InputLayout.Computed"/>: every row's values, row-major; null otherwise.</summary>
    public double[]? Values { get; }

    /// <summary>The columns, in model order.</summary>
    public IReadOnlyList<InputColumn> Columns { get; }

    /// <summary>How the columns are laid out.</summary>
    public InputLayout Layout { get; }

    /// <summary>The shape of one row, without the batch dimension: [F], [1], or the reshaped [d1, ..., dk].</summary>
    public IReadOnlyList<int> ItemShape { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Columns[0].Length;

    /// <summary>Values per row.</summary>
    public int RowElements => Layout == InputLayout.Computed ? ItemShape.Aggregate(1, (a, b) => checked(a * b)) : Columns.Count;

    /// <summary>Columns side by side, in model order, as one [N, F] tensor.</summary>
    public static ModelInput Dense(string name, IReadOnlyList<InputColumn> columns) =>
        new(name, columns, InputLayout.Dense, [columns?.Count ?? 0]);

    /// <summary>One column as one [N, 1] input (skl2onnx style, numeric or text).</summary>
    public static ModelInput PerColumn(string name, InputColumn column) =>
        new(name, [column], InputLayout.PerColumn, [1]);

    /// <summary>Channels*height*width columns reshaped row-major into one [N, C, H, W] input.</summary>
    public static ModelInput Image(string name, IReadOnlyList<InputColumn> columns, int channels, int height, int width) =>
        Reshaped(name, columns, [channels, height, width]);

    /// <summary>
    /// Values computed from <paramref name="source"/> (its rows name the images or hold the texts), row-major
    /// [rows, d1, ..., dk]; <paramref name="values"/> holds exactly rows × d1 × ... × dk of them.
    /// </summary>
    public static ModelInput Computed(string name, InputColumn source, double[] values, IReadOnlyList<int> itemShape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(itemShape);
        var size = itemShape.Aggregate(1L, (a, b) => a * b);
        if (itemShape.Count == 0 || itemShape.Any(d => d < 1) || size * source.Length != values.Length)
        {
            throw new ArgumentException($"Input '{name}': {values.Length} values do not fill {source.Length} rows of shape [{string.Join(", ", itemShape)}].", nameof(values));
        }

        return new(name, source, values, [.. itemShape]);
    }

    /// <summary>Columns reshaped row-major into one [N, d1, ..., dk] input; the dimensions' product must be the column count.</summary>
    public static ModelInput Reshaped(string name, IReadOnlyList<InputColumn> columns, IReadOnlyList<int> itemShape)
    {
        ArgumentNullException.ThrowIfNull(itemShape);
        if (itemShape.Count == 0 || itemShape.Any(d => d < 1))
        {
            throw new ArgumentException($"Input '{name}' needs a shape of whole dimensions of at least 1.", nameof(itemShape));
        }

        var size = itemShape.Aggregate(1L, (a, b) => a * b);
        if (size != (columns?.Count ?? 0))
        {
            throw new ArgumentException($"Input '{name}': shape [{string.Join(", ", itemShape)}] holds {size} values, but {columns?.Count ?? 0} columns were given.", nameof(itemShape));
        }

        return new(name, columns!, InputLayout.Reshaped, [.. itemShape]);
    }
}
