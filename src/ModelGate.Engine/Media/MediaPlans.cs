using ModelGate.Data.Images;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Signature;

namespace ModelGate.Engine.Media;

/// <summary>The input plans of one model's image and text inputs, checked against its signature.</summary>
internal static class MediaPlans
{
    /// <summary>
    /// One plan per image input and per text part the model takes. A model with a single input takes a single image
    /// entry whatever its name (as data.inputs does); a default mask or types input the model lacks is left out.
    /// </summary>
    public static List<ModelInputPlan> For(InputsFor model, string holdoutPath, Action<string>? note)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (role, _, _, signature) = model;
        var media = model.Media;
        var plans = new List<ModelInputPlan>();
        foreach (var image in media.Images)
        {
            var port = signature.Input(image.Input);
            if (port is null && signature.Inputs.Count == 1 && media.Images.Count == 1 && media.Texts.Count == 0)
            {
                port = signature.Inputs[0];
                note?.Invoke($"{image.PolicyKey} names input '{image.Input}', but the {role}'s only input is '{port.Name}': the images go to '{port.Name}'");
            }

            if (port is null)
            {
                throw Missing(holdoutPath, image.PolicyKey, image.Input, role, signature);
            }

            if (media.Dtypes.TryGetValue(image.Input, out var dtype) && port.Type is TensorValueType tensor && tensor.ElementType.Display() != dtype)
            {
                throw new InputMappingException(
                    $"{holdoutPath}: {image.PolicyKey}.dtype is {dtype}, but the {role}'s input '{port.Name}' is {port.Type}; set dtype to what the model declares, or remove it.");
            }

            var fixedSize = image.Spec.Crop ?? image.Spec.Size;
            int[] shape = fixedSize is { } s
                ? image.Spec.Layout == ImageLayout.Nchw ? [image.Spec.Channels, s.Height, s.Width] : [s.Height, s.Width, image.Spec.Channels]
                : [];
            plans.Add(new ModelInputPlan(port.Name, [image.Spec.Column], InputLayout.Computed, shape, IsText: false) { Computed = image });
        }

        foreach (var text in media.Texts)
        {
            var spec = text.Spec;
            foreach (var (part, input, key) in new[] { (TextPart.Ids, spec.IdsInput, "ids"), (TextPart.Mask, spec.MaskInput, "mask"), (TextPart.Types, spec.TypesInput, "types") })
            {
                if (input is null)
                {
                    continue;
                }

                var source = new TextSource(text, part);
                if (signature.Input(input) is null)
                {
                    // The defaults name BERT's three inputs; a model without a mask or token types simply has none.
                    if (part != TextPart.Ids && !text.InputsNamed)
                    {
                        continue;
                    }

                    throw Missing(holdoutPath, $"{source.PolicyKey}.inputs.{key}", input, role, signature);
                }

                plans.Add(new ModelInputPlan(input, [spec.Column], InputLayout.Computed, [spec.MaxLength], IsText: false) { Computed = source });
            }
        }

        var twice = plans.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InputMappingException($"{holdoutPath}: model input '{twice.Key}' is fed by {string.Join(" and ", twice.Select(p => p.Computed!.PolicyKey))}; feed each input once.");
        }

        return plans;
    }

    private static InputMappingException Missing(string holdoutPath, string key, string input, string role, ModelSignature signature) =>
        new($"{holdoutPath}: {key} names model input '{input}', but the {role}'s inputs are {ModelInputPlan.Names(signature.Inputs)}; name the input as the model does (dotnet modelgate inspect lists them).");
}
