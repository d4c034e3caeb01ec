using System.Globalization;
using ModelGate.Core;
using ModelGate.Core.Evaluation;
using ModelGate.Onnx.Errors;

namespace ModelGate.Onnx.Outputs;

/// <summary>Turns the chosen output into ModelGate's canonical scores: row-major probabilities [N, K] or regression [N, 1].</summary>
internal static class ScoreDecoder
{
    public static ScoredPredictions Decode(string modelPath, ModelOutput output, ScoreOutputChoice choice, ScoreRequest request)
    {
        var rows = output.RowCount;
        var scored = choice.Kind switch
        {
            ScoreKind.Probabilities when output.Kind == OutputKind.SequenceOfMaps =>
                Result(new Predictions(output.Numbers, rows, Math.Max(1, output.MapKeys.Count)), output.MapKeys, false),
            ScoreKind.Probabilities => Result(Probabilities(modelPath, output), null, false),
            ScoreKind.Logits => Result(Logits(modelPath, output, request.Transform), null, false),
            ScoreKind.Regression => Result(Regression(modelPath, output), null, false),
            _ => Labels(modelPath, output, request.ClassLabels),
        };

        CheckTask(modelPath, output.Name, scored.Predictions, request.Task);
        return new ScoredPredictions(scored.Predictions, output.Name, choice.Kind, choice.Reason, scored.Classes, scored.LabelsOnly);
    }

    private static (Predictions Predictions, IReadOnlyList<string>? Classes, bool LabelsOnly) Result(Predictions p, IReadOnlyList<string>? classes, bool labelsOnly) =>
        (p, classes, labelsOnly);

    private static Predictions Probabilities(string modelPath, ModelOutput output)
    {
        var k = Columns(modelPath, output);
        if (k > 1)
        {
            return new Predictions(output.Numbers, output.RowCount, k);
        }

        // A single probability per row is P(positive): expand to [1 - p, p].
        var scores = new double[output.RowCount * 2];
        for (var r = 0; r < output.RowCount; r++)
        {
            var p = output.Numbers[r];
            scores[2 * r] = 1 - p;
            scores[(2 * r) + 1] = p;
        }

        return new Predictions(scores, output.RowCount, 2);
    }

    private static Predictions Logits(string modelPath, ModelOutput output, LogitTransform transform)
    {
        var k = Columns(modelPath, output);
        if (k == 1 && transform != LogitTransform.Softmax)
        {
            var scores = new double[output.RowCount * 2];
            for (var r = 0; r < output.RowCount; r++)
            {
                var p = 1 / (1 + Math.Exp(-output.Numbers[r]));
                scores[2 * r] = 1 - p;
                scores[(2 * r) + 1] = p;
            }

            return new Predictions(scores, output.RowCount, 2);
        }

        if (transform == LogitTransform.Sigmoid)
        {
            throw new OnnxModelException(modelPath,
                $"output '{output.Name}' has {k} logit columns; sigmoid applies to a single binary logit column.",
                "use softmax for several classes.");
        }

        var result = new double[output.Numbers.Length];
        for (var r = 0; r < output.RowCount; r++)
        {
            var row = output.Numbers.AsSpan(r * k, k);
            var max = double.NegativeInfinity;
            foreach (var z in row)
            {
                max = Math.Max(max, z);
            }

            double sum = 0;
            for (var c = 0; c < k; c++)
            {
                result[(r * k) + c] = Math.Exp(row[c] - max);
                sum += result[(r * k) + c];
            }

            for (var c = 0; c < k; c++)
            {
                result[(r * k) + c] /= sum;
            }
        }

        return new Predictions(result, output.RowCount, k);
    }

    private static Predictions Regression(string modelPath, ModelOutput output)
    {
        var k = Columns(modelPath, output);
        return k == 1
            ? new Predictions(output.Numbers, output.RowCount, 1)
            : throw new OnnxModelException(modelPath,
                $"output '{output.Name}' has {k} values per row; a regression output must be [N] or [N, 1].",
                "name the single-value output, or set the task to classification.");
    }

    private static (Predictions Predictions, IReadOnlyList<string>? Classes, bool LabelsOnly) Labels(string modelPath, ModelOutput output, IReadOnlyList<string>? given)
    {
        var texts = output.Texts ?? output.Numbers.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray();
        if (texts.Length != output.RowCount)
        {
            throw new OnnxModelException(modelPath, $"label output '{output.Name}' has {texts.Length} values for {output.RowCount} rows; expected one label per row.", null);
        }

        IReadOnlyList<string> classes = given ?? (output.Texts is null
            ? output.Numbers.Distinct().Order().Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToList()
            : texts.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < classes.Count; c++)
        {
            index[classes[c]] = c;
        }

        var k = Math.Max(1, classes.Count);
        var scores = new double[output.RowCount * k];
        for (var r = 0; r < texts.Length; r++)
        {
            if (!index.TryGetValue(texts[r], out var c))
            {
                throw new OnnxModelException(modelPath,
                    $"label output '{output.Name}' row {r + 1} predicts '{texts[r]}', which is not among the class labels [{string.Join(", ", classes)}].",
                    "list every class label the model can predict.");
            }

            scores[(r * k) + c] = 1;
        }

        return (new Predictions(scores, output.RowCount, k), classes, true);
    }

    private static int Columns(string modelPath, ModelOutput output)
    {
        var shape = output.Shape;
        if (shape.Count == 1 || (shape.Count == 2 && shape[1] >= 1))
        {
            return shape.Count == 1 ? 1 : (int)shape[1];
        }

        throw new OnnxModelException(modelPath,
            $"output '{output.Name}' has shape [{string.Join(",", shape)}]; scores must be [N] or [N, K].",
            "choose an output with one row of scores per input row.");
    }

    private static void CheckTask(string modelPath, string outputName, Predictions predictions, TaskKind? task)
    {
        var k = predictions.ClassCount;
        var problem = task switch
        {
            TaskKind.Binary when k != 2 => $"gives {k} classes, but the task is binary",
            TaskKind.Multiclass when k < 2 => $"gives {k} class, but the task is multiclass",
            TaskKind.Regression when k != 1 => $"gives {k} values per row, but the task is regression",
            _ => null,
        };
        if (problem is not null)
        {
            throw new OnnxModelException(modelPath, $"output '{outputName}' {problem}.", "set the task to match the model, or name another output.");
        }
    }
}
