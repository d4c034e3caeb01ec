using System.Globalization;
using ModelGate.Data;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Signature;
using ModelGate.Policy.Model;

namespace ModelGate.Engine;

/// <summary>How one model input is fed: which holdout columns, in which layout, as text or numbers.</summary>
/// <param name="Name">The model input's name.</param>
/// <param name="Columns">Holdout columns in the order the model expects them.</param>
/// <param name="Layout">Dense [N, F], one column [N, 1], or reshaped [N, d1, ..., dk] (an image's [N, C, H, W]).</param>
/// <param name="ItemShape">[d1, ..., dk] when reshaped; empty otherwise.</param>
/// <param name="IsText">True when the model input is a string tensor.</param>
internal sealed record ModelInputPlan(string Name, IReadOnlyList<string> Columns, InputLayout Layout, IReadOnlyList<int> ItemShape, bool IsText)
{
    /// <summary>Maps the policy's <c>data.inputs</c> onto the model's inputs, given the holdout's header.</summary>
    public static IReadOnlyList<ModelInputPlan> For(DataConfig data, ModelSignature signature, IReadOnlyList<string> header, string holdoutPath)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(header);
        var mapping = data.Inputs;
        if (mapping.Inputs.Count > 0)
        {
            return [.. mapping.Inputs.Select(spec => FromSpec(spec, signature, header, holdoutPath))];
        }

        if (mapping.PerColumn || signature.Inputs.Count > 1)
        {
            return [.. signature.Inputs.Select(port => PerColumn(port, header, holdoutPath))];
        }

        // One input and no mapping: every column but the label, id and weight, in file order.
        var port = signature.Inputs[0];
        var reserved = new[] { data.Label, data.Id, data.Weight };
        var columns = header.Where(h => !reserved.Contains(h, StringComparer.Ordinal)).ToList();
        return [new(port.Name, columns, InputLayout.Dense, [], IsString(port))];
    }

    /// <summary>Builds the input from the holdout's columns.</summary>
    public ModelInput ToModelInput(Holdout holdout)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        var columns = Columns.Select(c => IsText
            ? InputColumn.Text(c, holdout.GetText(c))
            : InputColumn.Numeric(c, holdout.GetDouble(c))).ToList();
        return Layout switch
        {
            InputLayout.Reshaped => ModelInput.Reshaped(Name, columns, ItemShape),
            InputLayout.PerColumn => ModelInput.PerColumn(Name, columns[0]),
            _ => ModelInput.Dense(Name, columns),
        };
    }

    private static ModelInputPlan FromSpec(InputSpec spec, ModelSignature signature, IReadOnlyList<string> header, string holdoutPath)
    {
        var port = signature.Input(spec.Name) ?? throw new InputMappingException(
            $"{holdoutPath}: the policy maps columns to model input '{spec.Name}', but the model's inputs are {Names(signature.Inputs)}; fix data.inputs in the policy.");
        var columns = spec.Resolve(header);
        if (columns.Count == 0)
        {
            throw new InputMappingException(
                $"{holdoutPath}: no column matches '{spec.Pattern}' for model input '{spec.Name}'; the header has {Preview(header)}. Fix the pattern in data.inputs.");
        }

        var inHeader = header.ToHashSet(StringComparer.Ordinal);
        var missing = columns.Where(c => !inHeader.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InputMappingException(
                $"{holdoutPath}: column(s) {string.Join(", ", missing)} for model input '{spec.Name}' are not in the holdout; its header has {Preview(header)}.");
        }

        if (spec.Shape is { Count: > 0 } shape)
        {
            var size = shape.Aggregate(1L, (a, b) => a * b);
            if (size != columns.Count)
            {
                throw new InputMappingException(
                    $"model input '{spec.Name}': shape [{string.Join(", ", shape)}] holds {size.ToString(CultureInfo.InvariantCulture)} values per row, but {columns.Count.ToString(CultureInfo.InvariantCulture)} columns were given; fix the shape or the columns.");
            }

            return new(spec.Name, columns, InputLayout.Reshaped, shape, IsString(port));
        }

        var layout = columns.Count == 1 && IsString(port) ? InputLayout.PerColumn : InputLayout.Dense;
        return new(spec.Name, columns, layout, [], IsString(port));
    }

    private static ModelInputPlan PerColumn(ModelPort port, IReadOnlyList<string> header, string holdoutPath)
    {
        if (!header.Contains(port.Name, StringComparer.Ordinal))
        {
            throw new InputMappingException(
                $"{holdoutPath}: the model has one input per column, and input '{port.Name}' has no column of that name in the holdout (header: {Preview(header)}); rename the column or map it in data.inputs.");
        }

        return new(port.Name, [port.Name], InputLayout.PerColumn, [], IsString(port));
    }

    private static bool IsString(ModelPort port) => port.Type is TensorValueType { ElementType: TensorElementType.String };

    private static string Names(IReadOnlyList<ModelPort> ports) => string.Join(", ", ports.Select(p => $"'{p.Name}'"));

    // A header without newlines can be one huge "column": cut each name so the message stays one readable line.
    private static string Preview(IReadOnlyList<string> header) =>
        header.Count <= 12 ? string.Join(", ", header.Select(Short)) : string.Join(", ", header.Take(12).Select(Short)) + $", … ({header.Count.ToString(CultureInfo.InvariantCulture)} columns)";

    private static string Short(string name) =>
        name.Length <= 80 ? name : $"{name[..80]}… ({name.Length.ToString(CultureInfo.InvariantCulture)} characters)";
}
