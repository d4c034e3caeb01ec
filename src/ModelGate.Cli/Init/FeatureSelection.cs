using System.Globalization;
using ModelGate.Core.Text;
using ModelGate.Engine;
using ModelGate.Onnx.Signature;

namespace ModelGate.Cli.Init;

/// <summary>
/// Which holdout columns feed the model: the model's input names and width decide; ids, the label and text columns
/// never do. ModelGate feeds candidate and baseline the same mapping (a baseline with one input takes it whatever that
/// input's name), so the baseline's inputs must fit it too.
/// </summary>
internal static class FeatureSelection
{
    /// <summary>The mapping, or a one-line error that says which columns and why, and how to choose.</summary>
    /// <param name="candidate">The candidate's signature.</param>
    /// <param name="baseline">The baseline's signature, when there is one.</param>
    /// <param name="profile">The holdout's columns.</param>
    /// <param name="label">The label column.</param>
    /// <param name="chosen">Columns named with <c>--features</c>, in model order; null to choose here.</param>
    public static InputChoice Choose(ModelSignature candidate, ModelSignature? baseline, HoldoutProfile profile, string label, IReadOnlyList<string>? chosen)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(profile);
        if (IsPerColumn(candidate, profile, label))
        {
            if (baseline is not null && !SameNames(candidate, baseline))
            {
                throw new InputMappingException(
                    $"the candidate's inputs are {Names(candidate)} but the baseline's are {Names(baseline)}; ModelGate feeds both the same columns by name: export both with the same input names, or run init without --baseline.");
            }

            return new InputChoice(true, null, [], "one model input per column, matched by name");
        }

        var port = candidate.Inputs[0];
        var width = Width(port);
        if (baseline is not null)
        {
            if (baseline.Inputs.Count != 1)
            {
                throw new InputMappingException(
                    $"the candidate's input is {ConsoleText.Preview(port.Name)} but the baseline's inputs are {Names(baseline)}; write the baseline's own mapping by hand (models.baseline: {{ path: ..., inputs: {{ ... }} }}), or run init without --baseline.");
            }

            var baselineWidth = Width(baseline.Inputs[0]);
            if (width is { } c && baselineWidth is { } b && c != b)
            {
                throw new InputMappingException(
                    $"the candidate's input {ConsoleText.Preview(port.Name)} takes {Count(c)} values per row but the baseline's takes {Count(b)}; init will not guess the baseline's columns: run init without --baseline, then give the baseline its own mapping (models.baseline: {{ path: ..., inputs: {{ {baseline.Inputs[0].Name}: [...] }} }}).");
            }

            width ??= baselineWidth;
        }

        var choice = chosen is null ? Guess(port.Name, width, profile, label) : Named(port.Name, width, profile, chosen);
        return choice with { Shape = ImageShape(port) };
    }

    private static InputChoice Guess(string input, int? width, HoldoutProfile profile, string label)
    {
        var skipped = profile.Columns.Where(c => c.Name != label && (c.IsId || !c.IsNumeric)).Select(c => c.Name).ToList();
        var eligible = Eligible(profile, label);
        var left = skipped.Count == 0 ? string.Empty : $"; left out {HoldoutProfile.List(skipped)} (ids and text)";
        if (width is null || width == eligible.Count)
        {
            return new InputChoice(false, input, eligible, $"every numeric column but the label and ids, in file order: check it is the model's order{left}");
        }

        var fix = $"name the {Count(width.Value)} columns in the model's order with --features a,b,c (or write data.inputs by hand)";
        throw width < eligible.Count
            ? new UsageException(
                $"model input {ConsoleText.Preview(input)} takes {Count(width.Value)} values per row, but the holdout has {Count(eligible.Count)} numeric feature columns ({HoldoutProfile.List(eligible)}); init will not guess which: {fix}.")
            : new InputMappingException(
                $"model input {ConsoleText.Preview(input)} takes {Count(width.Value)} values per row, but the holdout has only {Count(eligible.Count)} numeric feature columns ({HoldoutProfile.List(eligible)}); use the holdout the model was trained for, or {fix}.");
    }

    private static InputChoice Named(string input, int? width, HoldoutProfile profile, IReadOnlyList<string> chosen)
    {
        var unknown = chosen.Where(c => profile[c] is null).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"--features names {string.Join(", ", unknown)}, not columns of the holdout; its columns are {HoldoutProfile.List(profile.Names)}.");
        }

        if (width is { } w && w != chosen.Count)
        {
            throw new UsageException($"--features names {Count(chosen.Count)} columns but model input {ConsoleText.Preview(input)} takes {Count(w)} values per row; name exactly {Count(w)}.");
        }

        return new InputChoice(false, input, chosen, "as named with --features");
    }

    /// <summary>The columns a dense input may take: numeric, neither the label nor an id, in file order.</summary>
    public static IReadOnlyList<string> Eligible(HoldoutProfile profile, string label)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return [.. profile.Columns.Where(c => c.Name != label && !c.IsId && c.IsNumeric).Select(c => c.Name)];
    }

    /// <summary>The values per row the input takes: F for [N, F], C·H·W for an image [N, C, H, W]; null when dynamic.</summary>
    public static int? Width(ModelPort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        return port.Type switch
        {
            TensorValueType { Shape: [_, { Size: { } f }] } => (int)f,
            _ => ImageShape(port)?.Aggregate(1, (a, d) => a * d),
        };
    }

    private static IReadOnlyList<int>? ImageShape(ModelPort port) =>
        port.Type is TensorValueType { Shape: [_, { Size: { } c }, { Size: { } h }, { Size: { } w }] } ? [(int)c, (int)h, (int)w] : null;

    private static bool IsPerColumn(ModelSignature signature, HoldoutProfile profile, string label) =>
        signature.Inputs.Count > 1 || signature.Inputs.All(p => profile[p.Name] is not null && p.Name != label);

    private static bool SameNames(ModelSignature a, ModelSignature b) =>
        a.Inputs.Select(p => p.Name).Order(StringComparer.Ordinal).SequenceEqual(b.Inputs.Select(p => p.Name).Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static string Names(ModelSignature signature) => string.Join(", ", signature.Inputs.Select(p => $"{ConsoleText.Preview(p.Name)}"));

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
