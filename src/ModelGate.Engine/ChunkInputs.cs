using System.Runtime.InteropServices;
using ModelGate.Data;
using ModelGate.Engine.Media;
using ModelGate.Onnx.Inputs;

namespace ModelGate.Engine;

/// <summary>Builds a model input from one streamed chunk, value for value what <see cref="ModelInputPlan.ToModelInput"/> builds from the whole holdout.</summary>
internal static class ChunkInputs
{
    /// <summary>The plan's columns of <paramref name="chunk"/> as a model input.</summary>
    /// <param name="plan">How the input is fed.</param>
    /// <param name="chunk">The rows.</param>
    /// <param name="file">The holdout file (image paths are relative to its folder; errors name it).</param>
    /// <param name="computed">The chunk's image and text values, shared by the inputs (and models) that read them; null computes afresh.</param>
    public static ModelInput ToModelInput(ModelInputPlan plan, HoldoutChunk chunk, string file, ComputedValues? computed = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(chunk);
        if (plan.Computed is { } source)
        {
            var cells = Column(chunk, plan.Columns[0], file).ToText();
            var (values, shape) = (computed ?? new ComputedValues(file)).Of(source, cells, chunk.Lines.Span);
            return ModelInput.Computed(plan.Name, InputColumn.Text(plan.Columns[0], cells), values, shape);
        }

        var columns = plan.Columns.Select(c => plan.IsText
            ? InputColumn.Text(c, Column(chunk, c, file).ToText())
            : InputColumn.Numeric(c, Doubles(Numeric(chunk, c, file)))).ToList();
        return plan.Layout switch
        {
            InputLayout.Reshaped => ModelInput.Reshaped(plan.Name, columns, plan.ItemShape),
            InputLayout.PerColumn => ModelInput.PerColumn(plan.Name, columns[0]),
            _ => ModelInput.Dense(plan.Name, columns),
        };
    }

    // A number column that fills its buffer exactly (every chunk but usually the last) is handed over as it is: the
    // model input only reads it, and a copy would cost 8 bytes per value per chunk for nothing.
    private static double[] Doubles(HoldoutColumn column) =>
        column is NumberColumn number && MemoryMarshal.TryGetArray(number.Values, out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length
            ? whole.Array
            : column.ToDoubles();

    private static HoldoutColumn Column(HoldoutChunk chunk, string name, string file) =>
        chunk.Columns.TryGetValue(name, out var column)
            ? column
            : throw new HoldoutException(file, null, name, null, "the column was not read", "add it to the columns the holdout is read with");

    // Same message as Holdout's: a text column cannot feed a numeric input; it names the first value that is not a number.
    private static HoldoutColumn Numeric(HoldoutChunk chunk, string name, string file) => NumericColumns.Require(file, Column(chunk, name, file), chunk.Lines.Span);
}
