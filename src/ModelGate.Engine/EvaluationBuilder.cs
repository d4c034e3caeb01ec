using System.Globalization;
using ModelGate.Core;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Slices;
using ModelGate.Data;
using ModelGate.Data.Labels;
using ModelGate.Onnx.Outputs;
using ModelGate.Policy.Model;

namespace ModelGate.Engine;


/// <summary>Turns the holdout and both models' scores into the columns Core judges.</summary>
internal static class EvaluationBuilder
{
    /// <summary>Labels in the models' class order, and the predictions aligned to it.</summary>
    internal sealed record Labelled(int[]? ClassLabels, double[]? Targets, IReadOnlyList<string> ClassNames, Predictions Candidate, Predictions? Baseline);

    /// <summary>Encodes the label column and lines both models' class order up with it.</summary>
    public static Labelled Label(GatePolicy policy, Holdout holdout, ScoredPredictions candidate, ScoredPredictions? baseline)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(candidate);
        switch (policy.Task)
        {
            case TaskKind.Regression:
                return new(null, LabelEncoding.Regression(holdout, policy.Data.Label), [], candidate.Predictions, baseline?.Predictions);
            case TaskKind.Binary:
            {
                var labels = LabelEncoding.Binary(holdout, policy.Data.Label, policy.Models.PositiveClass ?? PositiveFromModel(candidate));
                return new(labels.ClassIndex, null, labels.ClassNames,
                    PositiveLast(candidate, labels), baseline is null ? null : PositiveLast(baseline, labels));
            }

            default:
            {
                var classes = candidate.ClassLabels
                    ?? [.. Enumerable.Range(0, candidate.Predictions.ClassCount).Select(i => i.ToString(CultureInfo.InvariantCulture))];
                var labels = LabelEncoding.Multiclass(holdout, policy.Data.Label, classes, candidate.ClassLabelSource);
                return new(labels.ClassIndex, null, labels.ClassNames, candidate.Predictions,
                    baseline is null ? null : Reorder(baseline, classes));
            }
        }
    }

    /// <summary>Group keys for every slice the policy defines.</summary>
    public static Dictionary<string, SliceColumn> Slices(GatePolicy policy, Holdout holdout)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(holdout);
        var slices = new Dictionary<string, SliceColumn>(StringComparer.Ordinal);
        foreach (var spec in policy.Slices)
        {
            var parts = spec.Columns.Select(c => spec.Bins is { } bins
                ? SliceKeys.FromNumeric(holdout.GetDouble(c), bins, c)
                : holdout.GetSlice(c)).ToList();
            var column = (parts.Count == 1 ? parts[0] : SliceKeys.Intersect([.. parts])) with { Name = spec.Name };
            slices[spec.Name] = column;
        }

        return slices;
    }

    /// <summary>Row masks for every safety set.</summary>
    public static Dictionary<string, bool[]> SafetySets(GatePolicy policy, Holdout holdout)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(holdout);
        var columns = new HoldoutFilterColumns(holdout);
        return policy.SafetySets.ToDictionary(s => s.Key, s => s.SelectRows(columns, holdout.RowIds), StringComparer.Ordinal);
    }

    private static string? PositiveFromModel(ScoredPredictions scored) =>
        scored.ClassLabels is { Count: 2 } labels ? labels[1] : null;

    /// <summary>Binary scores must have the positive class in column 1; a model whose class order differs is swapped.</summary>
    private static Predictions PositiveLast(ScoredPredictions scored, EncodedLabels labels)
    {
        if (scored.ClassLabels is not { Count: 2 } modelClasses
            || string.Equals(modelClasses[1], labels.ClassNames[1], StringComparison.Ordinal)
            || !string.Equals(modelClasses[0], labels.ClassNames[1], StringComparison.Ordinal))
        {
            return scored.Predictions;
        }

        var p = scored.Predictions;
        var swapped = new double[p.Scores.Length];
        for (var i = 0; i < p.RowCount; i++)
        {
            swapped[2 * i] = p.Scores[(2 * i) + 1];
            swapped[(2 * i) + 1] = p.Scores[2 * i];
        }

        return new Predictions(swapped, p.RowCount, 2);
    }

    /// <summary>The baseline's columns in the candidate's class order (multiclass models may list classes differently).</summary>
    private static Predictions Reorder(ScoredPredictions baseline, IReadOnlyList<string> classes)
    {
        if (baseline.ClassLabels is null || baseline.ClassLabels.SequenceEqual(classes, StringComparer.Ordinal))
        {
            return baseline.Predictions;
        }

        var index = classes.Select(c =>
        {
            var at = baseline.ClassLabels.ToList().IndexOf(c);
            return at >= 0 ? at : throw new InputMappingException(
                $"the baseline model has no class '{c}' (its classes: {string.Join(", ", baseline.ClassLabels)}); candidate and baseline must predict the same classes.");
        }).ToArray();
        var p = baseline.Predictions;
        var k = p.ClassCount;
        var scores = new double[p.Scores.Length];
        for (var i = 0; i < p.RowCount; i++)
        {
            for (var j = 0; j < k; j++)
            {
                scores[(i * k) + j] = p.Scores[(i * k) + index[j]];
            }
        }

        return new Predictions(scores, p.RowCount, k);
    }
}
