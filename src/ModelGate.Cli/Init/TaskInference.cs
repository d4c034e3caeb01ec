using ModelGate.Core.Text;
using System.Globalization;
using ModelGate.Core;
using ModelGate.Onnx.Signature;

namespace ModelGate.Cli.Init;

/// <summary>The task a model and its label suggest: the model's outputs first, the label's values where the outputs cannot tell.</summary>
internal static class TaskInference
{
    /// <summary>The task, and why, from the model's outputs and the label column's distinct values.</summary>
    /// <param name="signature">The candidate's signature.</param>
    /// <param name="label">The label column's profile.</param>
    public static (TaskKind Task, string Why) Infer(ModelSignature signature, ColumnProfile label)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(label);
        var classes = label.Distinct.ToString(CultureInfo.InvariantCulture);
        foreach (var port in signature.Outputs)
        {
            switch (port.Type)
            {
                case SequenceValueType { Element: MapValueType }:
                    return label.Distinct > 2
                        ? (TaskKind.Multiclass, $"output {ConsoleText.Preview(port.Name)} is a ZipMap of class probabilities and label {ConsoleText.Preview(label.Name)} has {classes} values")
                        : (TaskKind.Binary, $"output {ConsoleText.Preview(port.Name)} is a ZipMap of class probabilities and label {ConsoleText.Preview(label.Name)} has {classes} values");
                case TensorValueType { ElementType: TensorElementType.Float or TensorElementType.Double, Shape: [_, { Size: { } k }] } when k >= 3:
                    return (TaskKind.Multiclass, $"output {ConsoleText.Preview(port.Name)} has {k.ToString(CultureInfo.InvariantCulture)} columns");
                case TensorValueType { ElementType: TensorElementType.Float or TensorElementType.Double, Shape: [_, { Size: 2 }] }:
                    return (TaskKind.Binary, $"output {ConsoleText.Preview(port.Name)} has 2 columns");
            }
        }

        var first = signature.Outputs[0];
        if (label.Distinct <= 2)
        {
            return (TaskKind.Binary, $"output {ConsoleText.Preview(first.Name)} is one number per row and label {ConsoleText.Preview(label.Name)} has {classes} values");
        }

        return label.IsNumeric
            ? (TaskKind.Regression, $"output {ConsoleText.Preview(first.Name)} is one number per row and label {ConsoleText.Preview(label.Name)} has {classes} numeric values")
            : (TaskKind.Multiclass, $"label {ConsoleText.Preview(label.Name)} has {classes} text values");
    }
}
