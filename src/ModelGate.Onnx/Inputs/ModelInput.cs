namespace ModelGate.Onnx.Inputs;

/// <summary>How holdout columns become one model input tensor.</summary>
internal enum InputLayout
{
    /// <summary>Columns side by side in model order: one [N, F] tensor.</summary>
    Dense,

    /// <summary>One column as one input, [N, 1] (or [N] when the model declares rank 1); skl2onnx style.</summary>
    PerColumn,

    /// <summary>C*H*W columns reshaped row-major into [N, C, H, W]: column k goes to (c, h, w) with k = (c*H + h)*W + w.</summary>
    Image,
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

    /// <summary>The model input's name.</summary>
    public string Name { get; }

    /// <summary>The columns, in model order.</summary>
    public IReadOnlyList<InputColumn> Columns { get; }

    /// <summary>How the columns are laid out.</summary>
    public InputLayout Layout { get; }

    /// <summary>The shape of one row, without the batch dimension: [F], [1] or [C, H, W].</summary>
    public IReadOnlyList<int> ItemShape { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Columns[0].Length;

    /// <summary>Columns side by side, in model order, as one [N, F] tensor.</summary>
    public static ModelInput Dense(string name, IReadOnlyList<InputColumn> columns) =>
        new(name, columns, InputLayout.Dense, [columns?.Count ?? 0]);

    /// <summary>One column as one [N, 1] input (skl2onnx style, numeric or text).</summary>
    public static ModelInput PerColumn(string name, InputColumn column) =>
        new(name, [column], InputLayout.PerColumn, [1]);

    /// <summary>Channels*height*width columns reshaped row-major into one [N, C, H, W] input.</summary>
    public static ModelInput Image(string name, IReadOnlyList<InputColumn> columns, int channels, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        return new(name, columns, InputLayout.Image, [channels, height, width]);
    }
}
