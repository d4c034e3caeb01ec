using System.Globalization;
using ModelGate.Core;
using ModelGate.Onnx.Signature;

namespace ModelGate.Cli.Init;

/// <summary>
/// <c>models.classes</c> for a starter policy: needed when the label holds text and the candidate names no classes of its
/// own (no ZipMap keyed by text, no text class-label metadata), as a PyTorch or Keras export with logits does not.
/// </summary>
internal static class ClassNames
{
    /// <summary>The label's values sorted, when the policy must name the output's columns; else null.</summary>
    public static IReadOnlyList<string>? Guess(TaskKind task, ColumnProfile label, ModelSignature candidate, string candidatePath)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(candidate);
        if (task != TaskKind.Multiclass || label.IsNumeric || label.Values.Count < 2 || NamesItsClasses(candidate, candidatePath))
        {
            return null;
        }

        return label.Values;
    }

    private static bool NamesItsClasses(ModelSignature signature, string path) =>
        signature.Outputs.Any(o => o.Type is SequenceValueType { Element: MapValueType { Key: TensorElementType.String } })
        || ClassLabelMetadata.TryRead(path) is { } metadata && metadata.Labels.Any(l => !double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
}
