using System.Globalization;
using ModelGate.Core;
using ModelGate.Core.Text;
using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Outputs;

/// <summary>
/// The task a model and its label suggest, for <c>modelgate init</c>. It reads the output that scoring reads
/// (<see cref="ScoreOutputChoice"/> with no task set), so the task init writes is the one that output's shape supports:
/// a ZipMap or a float tensor with two or more fixed columns is classification; one number per row leaves it to the
/// label's values.
/// </summary>
internal static class TaskInference
{
    /// <summary>The task, and why, from the model's outputs and the label column's distinct values.</summary>
    /// <param name="signature">The candidate's signature.</param>
    /// <param name="label">The label column's name.</param>
    /// <param name="labelValues">How many distinct values the label column has.</param>
    /// <param name="numericLabel">Whether every label value is a number.</param>
    public static (TaskKind Task, string Why) Infer(ModelSignature signature, string label, int labelValues, bool numericLabel)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(label);
        var classes = labelValues.ToString(CultureInfo.InvariantCulture);
        var (fromModel, why, port) = FromOutputs(signature);
        var output = ConsoleText.Preview(port.Name);
        var labelName = ConsoleText.Preview(label);
        if (fromModel is { } task)
        {
            return (task, why);
        }

        if (port.Type is SequenceValueType { Element: MapValueType })
        {
            return (labelValues > 2 ? TaskKind.Multiclass : TaskKind.Binary,
                $"output {output} is a ZipMap of class probabilities and label {labelName} has {classes} values");
        }

        if (labelValues <= 2)
        {
            return (TaskKind.Binary, $"output {output} is one number per row and label {labelName} has {classes} values");
        }

        return numericLabel
            ? (TaskKind.Regression, $"output {output} is one number per row and label {labelName} has {classes} numeric values")
            : (TaskKind.Multiclass, $"label {labelName} has {classes} text values");
    }

    /// <summary>
    /// What the model alone says about the task (for <c>inspect</c>, which has no label): multiclass or binary when the
    /// output scoring reads has a fixed number of columns; otherwise null, and why the label's values must decide.
    /// </summary>
    public static (TaskKind? Task, string Why) FromModel(ModelSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var (task, why, _) = FromOutputs(signature);
        return (task, why);
    }

    private static (TaskKind? Task, string Why, ModelPort Port) FromOutputs(ModelSignature signature)
    {
        var port = ScoreOutputChoice.Detect(signature, task: null)?.Port ?? signature.Outputs[0];
        var output = ConsoleText.Preview(port.Name);
        if (port.Type is SequenceValueType { Element: MapValueType })
        {
            return (null, $"output {output} is a ZipMap of class probabilities: binary for a label with two values, else multiclass", port);
        }

        return ScoreOutputChoice.ScoreColumns(port) switch
        {
            { } k when k >= 3 => (TaskKind.Multiclass, $"output {output} has {k.ToString(CultureInfo.InvariantCulture)} columns", port),
            2 => (TaskKind.Binary, $"output {output} has 2 columns", port),
            _ => (null, $"output {output} is one number per row: binary for a label with two values, regression for a numeric label with more, else multiclass", port),
        };
    }
}
