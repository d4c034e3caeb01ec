using System.Globalization;
using ModelGate.Core;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Signature;

namespace ModelGate.Engine;

/// <summary>
/// Which class label each output column holds. A model's own labels come first (its ZipMap keys, else the class-label
/// metadata of its classifier node); <c>models.classes</c> names the columns of outputs without labels (logits, a bare
/// probability tensor) and of models whose own labels are only the positions 0..K-1. Without either, columns are
/// numbered 0..K-1, and a holdout with text labels gets an error naming all three choices.
/// </summary>
internal static class OutputClasses
{
    /// <summary>The policy key that names output columns.</summary>
    public const string PolicyKey = "models.classes";

    /// <summary><paramref name="scored"/> with its <see cref="ScoredPredictions.ClassLabels"/> settled, and where they came from.</summary>
    public static ScoredPredictions Name(string role, string modelPath, ScoredPredictions scored, TaskKind task, IReadOnlyList<string>? policyClasses)
    {
        ArgumentNullException.ThrowIfNull(scored);
        if (task == TaskKind.Regression || scored.LabelsOnly)
        {
            return scored;
        }

        var columns = scored.Predictions.ClassCount;
        var own = scored.ClassLabels is { } keys
            ? (Labels: keys, Source: scored.ClassLabelSource ?? $"the keys of output '{scored.OutputName}'")
            : ClassLabelMetadata.TryRead(modelPath) is { } metadata && metadata.Labels.Count == columns
                ? (Labels: metadata.Labels, Source: metadata.Source)
                : ((IReadOnlyList<string> Labels, string Source)?)null;
        if (own is { } mine && !IsNumbered(mine.Labels))
        {
            if (policyClasses is not null && !policyClasses.Order(StringComparer.Ordinal).SequenceEqual(mine.Labels.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                throw new InputMappingException(
                    $"{PolicyKey} [{string.Join(", ", policyClasses)}] disagrees with the {role}'s own class labels [{string.Join(", ", mine.Labels)}] ({mine.Source}, {modelPath}); "
                    + $"remove {PolicyKey} or make it list the same labels.");
            }

            return scored with { ClassLabels = mine.Labels, ClassLabelSource = mine.Source };
        }

        if (policyClasses is not null)
        {
            if (policyClasses.Count != columns)
            {
                throw new InputMappingException(
                    $"{PolicyKey} lists {policyClasses.Count.ToString(CultureInfo.InvariantCulture)} classes, but the {role}'s output '{scored.OutputName}' has {columns.ToString(CultureInfo.InvariantCulture)} columns ({modelPath}); "
                    + $"list one class label per output column, in column order.");
            }

            return scored with { ClassLabels = policyClasses, ClassLabelSource = PolicyKey };
        }

        // ZipMap keys 0..K-1 stay (they always did); metadata that only numbers the columns adds nothing.
        return scored.ClassLabels is not null
            ? scored with { ClassLabelSource = own?.Source }
            : scored with { ClassLabelSource = $"numbered 0..{(columns - 1).ToString(CultureInfo.InvariantCulture)}: output '{scored.OutputName}' has no ZipMap keys and the model no named class-label metadata" };
    }

    // Labels that are just the column positions carry no names: a policy's names may replace them.
    private static bool IsNumbered(IReadOnlyList<string> labels) =>
        labels.Select((l, i) => l == i.ToString(CultureInfo.InvariantCulture)).All(same => same);
}
