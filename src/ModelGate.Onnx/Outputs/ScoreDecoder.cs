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
        if (choice.Kind is ScoreKind.Probabilities or ScoreKind.Logits)
        {
            // Raw numbers first: what they are is decided from all of them (ScoreInterpretation), not from the name.
            var raw = output.Kind == OutputKind.SequenceOfMaps
                ? new Predictions(output.Numbers, rows, Math.Max(1, output.MapKeys.Count))
                : new Predictions(output.Numbers, rows, Columns(modelPath, output));
            var pending = new ScoredPredictions(raw, output.Name, choice.Kind, choice.Reason,
                output.Kind == OutputKind.SequenceOfMaps ? output.MapKeys : null, false)
            {
                Pending = true,
                ClassLabelSource = output.Kind == OutputKind.SequenceOfMaps ? $"the ZipMap keys of output '{output.Name}'" : null,
            };
            return request.Deferred ? pending : ScoreInterpretation.Resolve(modelPath, pending, request);
        }

        var scored = choice.Kind switch
        {
            ScoreKind.Regression => (new Predictions(Regression(modelPath, output).Scores, rows, 1), (IReadOnlyList<string>?)null, false),
            _ => Labels(modelPath, output, request.ClassLabels),
        };

        CheckTask(modelPath, output.Name, scored.Item1, request.Task);
        return new ScoredPredictions(scored.Item1, output.Name, choice.Kind, choice.Reason, scored.Item2, scored.Item3);
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

    public static void CheckTask(string modelPath, string outputName, Predictions predictions, TaskKind? task)
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
