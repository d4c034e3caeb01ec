using ModelGate.Onnx.Signature;

namespace ModelGate.Cli.Init;

/// <summary>
/// The label column when <c>--label</c> is not given: a column with a usual label name, else the first or the last
/// column (ids skipped), whichever leaves the model's input width of features and fits its outputs; the first on a tie.
/// </summary>
internal static class LabelGuess
{
    private static readonly string[] Names = ["label", "target", "y", "class", "outcome"];

    /// <summary>The guessed label and why.</summary>
    public static (string Label, string Why) Guess(ModelSignature candidate, HoldoutProfile profile)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Names.FirstOrDefault(h => Names.Contains(h, StringComparer.OrdinalIgnoreCase)) is { } named)
        {
            return (named, "its name");
        }

        var ends = profile.Columns.Where(c => !c.IsId).ToList();
        if (ends.Count == 0)
        {
            return (profile.Names[^1], "the last column");
        }

        var first = ends[0];
        var last = ends[^1];
        return Score(candidate, profile, last) > Score(candidate, profile, first)
            ? (last.Name, "the last column, which leaves the model's input width and fits its output")
            : (first.Name, "the first column, which leaves the model's input width and fits its output");
    }

    private static int Score(ModelSignature candidate, HoldoutProfile profile, ColumnProfile label)
    {
        var width = candidate.Inputs.Count == 1 ? FeatureSelection.Width(candidate.Inputs[0]) : null;
        var fitsWidth = width is { } w && FeatureSelection.Eligible(profile, label.Name).Count == w ? 2 : 0;
        return fitsWidth + (FitsOutput(candidate, label) ? 1 : 0);
    }

    private static bool FitsOutput(ModelSignature candidate, ColumnProfile label) => candidate.Outputs.Any(port => port.Type switch
    {
        SequenceValueType { Element: MapValueType } => label.Distinct >= 2,
        TensorValueType { Shape: [_, { Size: { } k }] } when k >= 2 => label.Distinct >= 2 && label.Distinct <= k,
        _ => label.IsNumeric,
    });
}
