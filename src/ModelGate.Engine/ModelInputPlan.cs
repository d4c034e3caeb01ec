using System.Globalization;
using ModelGate.Data;
using ModelGate.Engine.Media;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Signature;
using ModelGate.Policy.Model;

namespace ModelGate.Engine;

/// <summary>One model whose inputs are to be mapped: "candidate" or "baseline", the policy's data, its own mapping (null = data.inputs) and its signature.</summary>
internal sealed record InputsFor(string Role, DataConfig Data, InputsMapping? Own, ModelSignature Signature)
{
    /// <summary>The policy's images and texts, opened once per run and shared by both models.</summary>
    public MediaInputs Media { get; init; } = MediaInputs.None;
}

/// <summary>How one model input is fed: which holdout columns, in which layout, as text or numbers.</summary>
/// <param name="Name">The model input's name.</param>
/// <param name="Columns">Holdout columns in the order the model expects them.</param>
/// <param name="Layout">Dense [N, F], one column [N, 1], or reshaped [N, d1, ..., dk] (an image's [N, C, H, W]).</param>
/// <param name="ItemShape">[d1, ..., dk] when reshaped; empty otherwise.</param>
/// <param name="IsText">True when the model input is a string tensor.</param>
internal sealed record ModelInputPlan(string Name, IReadOnlyList<string> Columns, InputLayout Layout, IReadOnlyList<int> ItemShape, bool IsText)
{
    /// <summary>With <see cref="InputLayout.Computed"/>: the image or text part that computes the values from the column.</summary>
    public ComputedSource? Computed { get; init; }

    /// <summary>Maps the policy's <c>data.inputs</c> onto the model's inputs, given the holdout's header.</summary>
    public static IReadOnlyList<ModelInputPlan> For(DataConfig data, ModelSignature signature, IReadOnlyList<string> header, string holdoutPath) =>
        For(new InputsFor("candidate", data, null, signature), header, holdoutPath, null);

    /// <summary>
    /// Maps one model's inputs: its own <c>models.&lt;model&gt;.inputs</c> when the policy has them, else <c>data.inputs</c>.
    /// One named mapping for a model with one input feeds that input whatever its name (exporters disagree: <c>X</c>,
    /// <c>float_input</c>, <c>input</c>); <paramref name="note"/> hears about it.
    /// </summary>
    public static IReadOnlyList<ModelInputPlan> For(InputsFor model, IReadOnlyList<string> header, string holdoutPath, Action<string>? note)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(header);
        var (role, data, own, signature) = model;
        var mapping = own ?? data.Inputs;
        if (model.Media.IsEmpty && (data.Images.Count > 0 || data.Text.Count > 0))
        {
            // Callers that score one model only may leave the media to this method.
            model = model with { Media = MediaInputs.Open(data) };
        }

        if (!model.Media.IsEmpty)
        {
            return WithMedia(model, mapping, header, holdoutPath, note);
        }

        if (mapping.Inputs.Count == 1 && signature.Inputs.Count == 1 && signature.Input(mapping.Inputs[0].Name) is null)
        {
            var spec = mapping.Inputs[0];
            var port = signature.Inputs[0].Name;
            note?.Invoke($"{(own is null ? "data" : $"models.{role}")}.inputs names input '{spec.Name}', but the {role}'s only input is '{port}': its columns go to '{port}'");
            return [FromSpec(spec with { Name = port }, signature, header, holdoutPath, role)];
        }

        if (mapping.Inputs.Count > 0)
        {
            return [.. mapping.Inputs.Select(spec => FromSpec(spec, signature, header, holdoutPath, role))];
        }

        if (mapping.PerColumn || signature.Inputs.Count > 1)
        {
            return [.. signature.Inputs.Select(port => PerColumn(port, header, holdoutPath))];
        }

        // One input and no mapping: every column but the label, id and weight, in file order.
        var single = signature.Inputs[0];
        var reserved = new[] { data.Label, data.Id, data.Weight };
        var columns = header.Where(h => !reserved.Contains(h, StringComparer.Ordinal)).ToList();
        return [new(single.Name, columns, InputLayout.Dense, [], IsString(single))];
    }

    /// <summary>True when both lists feed the same inputs from the same columns the same way: one set of model inputs can feed both models.</summary>
    public static bool SameColumns(IReadOnlyList<ModelInputPlan> a, IReadOnlyList<ModelInputPlan> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Count == b.Count && a.Zip(b).All(p => p.First.Name == p.Second.Name && p.First.Layout == p.Second.Layout && p.First.IsText == p.Second.IsText
            && Equals(p.First.Computed, p.Second.Computed)
            && p.First.Columns.SequenceEqual(p.Second.Columns, StringComparer.Ordinal) && p.First.ItemShape.SequenceEqual(p.Second.ItemShape));
    }

    /// <summary>Builds the input from the holdout's columns.</summary>
    public ModelInput ToModelInput(Holdout holdout)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        if (Computed is { } source)
        {
            var cells = holdout.GetText(Columns[0]).ToArray();
            var (values, shape) = new ComputedValues(holdout.File).Of(source, cells, Enumerable.Range(0, cells.Length).Select(holdout.RowLine).ToArray());
            return ModelInput.Computed(Name, InputColumn.Text(Columns[0], cells), values, shape);
        }

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

    // Images and texts feed the inputs they name; data.inputs (or the model's own mapping) feeds the rest.
    private static List<ModelInputPlan> WithMedia(InputsFor model, InputsMapping mapping, IReadOnlyList<string> header, string holdoutPath, Action<string>? note)
    {
        var plans = MediaPlans.For(model, holdoutPath, note);
        var fed = plans.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var spec in mapping.Inputs)
        {
            if (fed.Contains(spec.Name))
            {
                throw new InputMappingException(
                    $"{holdoutPath}: model input '{spec.Name}' is fed both by data.inputs and by data.images or data.text; keep one of them.");
            }

            plans.Add(FromSpec(spec, model.Signature, header, holdoutPath, model.Role));
        }

        if (mapping.PerColumn)
        {
            plans.AddRange(model.Signature.Inputs.Where(p => !fed.Contains(p.Name)).Select(port => PerColumn(port, header, holdoutPath)));
        }

        return plans;
    }

    private static ModelInputPlan FromSpec(InputSpec spec, ModelSignature signature, IReadOnlyList<string> header, string holdoutPath, string role)
    {
        var port = signature.Input(spec.Name) ?? throw new InputMappingException(
            $"{holdoutPath}: the policy maps columns to model input '{spec.Name}', but the {role}'s inputs are {Names(signature.Inputs)}; "
            + $"name them in data.inputs, or give the {role} its own mapping: models.{role}: {{ path: ..., inputs: {{ {signature.Inputs[0].Name}: [...] }} }}.");
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

    internal static ModelInputPlan PerColumn(ModelPort port, IReadOnlyList<string> header, string holdoutPath)
    {
        if (!header.Contains(port.Name, StringComparer.Ordinal))
        {
            throw new InputMappingException(
                $"{holdoutPath}: the model has one input per column, and input '{port.Name}' has no column of that name in the holdout (header: {Preview(header)}); rename the column or map it in data.inputs.");
        }

        return new(port.Name, [port.Name], InputLayout.PerColumn, [], IsString(port));
    }

    private static bool IsString(ModelPort port) => port.Type is TensorValueType { ElementType: TensorElementType.String };

    internal static string Names(IReadOnlyList<ModelPort> ports) => string.Join(", ", ports.Select(p => $"'{p.Name}'"));

    // A header without newlines can be one huge "column": cut each name so the message stays one readable line.
    private static string Preview(IReadOnlyList<string> header) =>
        header.Count <= 12 ? string.Join(", ", header.Select(Short)) : string.Join(", ", header.Take(12).Select(Short)) + $", … ({header.Count.ToString(CultureInfo.InvariantCulture)} columns)";

    private static string Short(string name) =>
        name.Length <= 80 ? name : $"{name[..80]}… ({name.Length.ToString(CultureInfo.InvariantCulture)} characters)";
}
