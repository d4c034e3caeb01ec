using ModelGate.Core.Evaluation;
using ModelGate.Onnx.Outputs;

namespace ModelGate.Engine;

/// <summary>Joins the scores of consecutive chunks into the scores of the whole holdout.</summary>
internal static class ScoreConcatenation
{
    /// <summary>Concatenates the chunks' rows in order; every chunk must have come from the same output, read the same way.</summary>
    public static ScoredPredictions Concat(IReadOnlyList<ScoredPredictions> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        var first = parts[0];
        if (parts.Count == 1)
        {
            return first;
        }

        var classes = first.Predictions.ClassCount;
        var rows = 0;
        foreach (var part in parts)
        {
            // Per-row decodings (probabilities, logits, regression, ZipMap) agree across chunks; anything else is a bug.
            if (part.Predictions.ClassCount != classes || part.OutputName != first.OutputName || part.Kind != first.Kind
                || part.LabelsOnly != first.LabelsOnly || !SameLabels(part.ClassLabels, first.ClassLabels))
            {
                throw new InvalidOperationException($"Chunk scores from output '{part.OutputName}' do not line up with the first chunk's.");
            }

            rows += part.Predictions.RowCount;
        }

        var scores = new double[(long)rows * classes];
        var at = 0;
        foreach (var part in parts)
        {
            part.Predictions.Scores.CopyTo(scores, at);
            at += part.Predictions.Scores.Length;
        }

        return first with { Predictions = new Predictions(scores, rows, classes) };
    }

    private static bool SameLabels(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b, StringComparer.Ordinal);
}
