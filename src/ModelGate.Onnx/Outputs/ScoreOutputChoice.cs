using ModelGate.Core;
using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Outputs;

/// <summary>The output chosen for scoring, what it holds, and why it was chosen.</summary>
internal sealed record ScoreOutputChoice(ModelPort Port, ScoreKind Kind, string Reason)
{
    private static readonly string[] ProbabilityNames = ["probabilities", "output_probability", "probability", "probs", "prob", "proba", "predict_proba", "output_probabilities"];
    private static readonly string[] LogitNames = ["logits", "logit", "output_logits"];
    private static readonly string[] RegressionNames = ["variable", "prediction", "predictions", "predicted", "output", "y", "target", "value"];
    private static readonly string[] LabelNames = ["output_label", "label", "labels", "predicted_label", "class"];

    /// <summary>Picks the scoring output (the one named in the request, else by name and type) and says why; `inspect` shows it.</summary>
    public static ScoreOutputChoice Choose(string modelPath, ModelSignature signature, ScoreRequest request)
    {
        if (request.OutputName is not null)
        {
            var port = signature.Output(request.OutputName)
                ?? throw new OnnxModelException(modelPath,
                    $"the model has no output '{request.OutputName}'; its outputs are {string.Join(", ", signature.Outputs)}.",
                    "name one of the listed outputs, or leave the output unset to detect it.");
            var kind = request.Kind ?? Infer(port, request.Task);
            Check(modelPath, port, kind);
            return new ScoreOutputChoice(port, kind, $"output '{port.Name}' as {kind.ToString().ToLowerInvariant()}, as configured");
        }

        var choice = Detect(signature, request.Task)
            ?? throw new OnnxModelException(modelPath,
                $"no output looks like scores: outputs are {string.Join(", ", signature.Outputs)} (ModelGate reads float32/float64/float16 tensors, integer/string label tensors and ZipMap seq(map)).",
                "name the output (and its kind: probabilities, logits, label) in the policy.");
        var chosenKind = request.Kind ?? choice.Kind;
        Check(modelPath, choice.Port, chosenKind);
        return choice with { Kind = chosenKind };
    }

    /// <summary>The output scoring reads when none is named, and what it holds; <see cref="TaskInference"/> reads the same output.</summary>
    internal static ScoreOutputChoice? Detect(ModelSignature signature, TaskKind? task)
    {
        var outputs = signature.Outputs;
        if (task != TaskKind.Regression)
        {
            var zipMap = outputs.FirstOrDefault(p => p.Type is SequenceValueType { Element: MapValueType });
            if (zipMap is not null)
            {
                return new(zipMap, ScoreKind.Probabilities, $"'{zipMap.Name}' is a ZipMap {zipMap.Type} of class probabilities");
            }

            var byName = Named(outputs, ProbabilityNames, IsReal);
            if (byName is not null)
            {
                return new(byName, ScoreKind.Probabilities, $"'{byName.Name}' is named like class probabilities ({byName.Type})");
            }

            var logits = Named(outputs, LogitNames, IsReal);
            if (logits is not null)
            {
                return new(logits, ScoreKind.Logits, $"'{logits.Name}' is named like logits ({logits.Type}); softmax/sigmoid applied");
            }
        }

        if (task is null or TaskKind.Regression)
        {
            var regression = Named(outputs, RegressionNames, IsReal);
            if (regression is not null)
            {
                return new(regression, ScoreKind.Regression, $"'{regression.Name}' is named like a regression output ({regression.Type})");
            }
        }

        var reals = outputs.Where(IsReal).ToList();
        if (reals.Count == 1)
        {
            var kind = task == TaskKind.Regression || (task is null && ScoreColumns(reals[0]) == 1) ? ScoreKind.Regression : ScoreKind.Probabilities;
            return new(reals[0], kind, $"'{reals[0].Name}' is the only floating-point output ({reals[0].Type}); read as {kind.ToString().ToLowerInvariant()}");
        }

        if (task != TaskKind.Regression)
        {
            var labels = Named(outputs, LabelNames, IsLabel) ?? (outputs.Count(IsLabel) == 1 ? outputs.First(IsLabel) : null);
            if (labels is not null)
            {
                return new(labels, ScoreKind.Labels, $"'{labels.Name}' holds predicted labels only ({labels.Type}); scores are one-hot");
            }
        }

        return null;
    }

    private static ScoreKind Infer(ModelPort port, TaskKind? task)
    {
        if (port.Type is SequenceValueType)
        {
            return ScoreKind.Probabilities;
        }

        if (IsLabel(port))
        {
            return ScoreKind.Labels;
        }

        if (LogitNames.Contains(port.Name, StringComparer.OrdinalIgnoreCase))
        {
            return ScoreKind.Logits;
        }

        return task == TaskKind.Regression || (task is null && RegressionNames.Contains(port.Name, StringComparer.OrdinalIgnoreCase))
            ? ScoreKind.Regression
            : ScoreKind.Probabilities;
    }

    private static void Check(string modelPath, ModelPort port, ScoreKind kind)
    {
        var ok = kind switch
        {
            ScoreKind.Labels => IsLabel(port),
            ScoreKind.Probabilities => IsReal(port) || port.Type is SequenceValueType { Element: MapValueType { Value: TensorValueType v } } && IsRealType(v.ElementType),
            _ => IsReal(port),
        };
        if (!ok)
        {
            throw new OnnxModelException(modelPath,
                $"output '{port.Name}' is {port.Type}, which cannot be read as {kind.ToString().ToLowerInvariant()} (probabilities/logits/regression need a float32/float64/float16 tensor or a ZipMap; labels need an int64, int32 or string tensor).",
                "choose another output or kind in the policy.");
        }
    }

    private static ModelPort? Named(IReadOnlyList<ModelPort> outputs, string[] names, Func<ModelPort, bool> typeOk) =>
        names.Select(n => outputs.FirstOrDefault(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase) && typeOk(p)))
            .FirstOrDefault(p => p is not null);

    private static bool IsReal(ModelPort port) => port.Type is TensorValueType t && IsRealType(t.ElementType);

    private static bool IsRealType(TensorElementType type) =>
        type is TensorElementType.Float or TensorElementType.Double or TensorElementType.Float16 or TensorElementType.BFloat16;

    private static bool IsLabel(ModelPort port) =>
        port.Type is TensorValueType { ElementType: TensorElementType.Int64 or TensorElementType.Int32 or TensorElementType.String };

    /// <summary>The fixed number of scores per row a floating-point tensor output holds (1 for one value per row), or null when its shape does not fix it or it is not a float tensor.</summary>
    internal static long? ScoreColumns(ModelPort port) =>
        port.Type is TensorValueType t && IsRealType(t.ElementType)
            ? (t.Shape.Count <= 1 || port.IsRowOutput() ? 1 : t.Shape.Count == 2 ? t.Shape[1].Size : null)
            : null;
}
