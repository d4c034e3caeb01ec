using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Inputs;

/// <summary>
/// Checks the given inputs against the model's signature and converts them, explicitly: numbers go to
/// float32/float64 as they are, to float16/bfloat16 rounded to nearest, to integer types only when integral and in
/// range, to bool only when 0 or 1; text goes only to string inputs. Side-by-side columns fill any fixed shape with
/// as many values. Every mismatch names the input, what the model expects and the columns given.
/// </summary>
internal static class InputBinder
{
    // The input element types ModelGate converts holdout values into (docs/policy.md, "Tensor types and shapes").
    private const string SupportedInputTypes = "float32, float64, float16, bfloat16, int64, int32, int16, uint16, int8, uint8, bool, string";

    public static PreparedInputs Bind(string modelPath, ModelSignature signature, IReadOnlyList<ModelInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var byName = new Dictionary<string, ModelInput>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (signature.Input(input.Name) is null)
            {
                throw new OnnxModelException(modelPath,
                    $"the model has no input '{input.Name}' (given columns {Describe(input.Columns)}); its inputs are {string.Join(", ", signature.Inputs)}.",
                    "name the model's inputs exactly as listed (dotnet modelgate inspect shows them).");
            }

            if (!byName.TryAdd(input.Name, input))
            {
                throw new OnnxModelException(modelPath, $"input '{input.Name}' is given twice.", "give each model input once.");
            }
        }

        var missing = signature.Inputs.Where(p => !byName.ContainsKey(p.Name)).ToList();
        if (missing.Count > 0)
        {
            throw new OnnxModelException(modelPath,
                $"no columns were given for input(s) {string.Join(", ", missing)}.",
                "map every model input to holdout columns in the policy.");
        }

        var rows = inputs.Count == 0 ? 0 : inputs[0].RowCount;
        var bound = new List<BoundInput>(signature.Inputs.Count);
        foreach (var port in signature.Inputs)
        {
            var input = byName[port.Name];
            foreach (var column in input.Columns)
            {
                if (column.Length != rows)
                {
                    throw new OnnxModelException(modelPath,
                        $"input '{port.Name}': column '{column.Name}' has {column.Length} rows, but other columns have {rows}.",
                        "give every column the same rows.");
                }
            }

            bound.Add(BindOne(modelPath, port, input, rows));
        }

        return new PreparedInputs(rows, bound);
    }

    private static BoundInput BindOne(string modelPath, ModelPort port, ModelInput input, int rows)
    {
        if (port.Type is not TensorValueType tensor)
        {
            throw Mismatch(modelPath, port, input, $"ModelGate feeds tensors only; this input is {port.Type}");
        }

        if (input.Layout == InputLayout.Computed && tensor.ElementType == TensorElementType.String)
        {
            throw Mismatch(modelPath, port, input, "a string input cannot take image pixels or token ids");
        }

        var itemShape = CheckShape(modelPath, port, tensor, input);
        var rowElements = input.RowElements;
        var total = checked(rows * rowElements);
        return tensor.ElementType switch
        {
            TensorElementType.String => new BoundInput(port.Name, tensor.ElementType, itemShape, rowElements, FillText(modelPath, port, input, rows, total), 0),
            TensorElementType.Float => Numbers(v => (float)v, sizeof(float)),
            TensorElementType.Double => Numbers(v => v, sizeof(double)),
            TensorElementType.Float16 => Numbers(ToFloat16, sizeof(ushort)),
            TensorElementType.BFloat16 => Numbers(v => (BFloat16)(float)v, sizeof(ushort)),
            TensorElementType.Int64 => Numbers(v => (long)Integral(v, long.MinValue, long.MaxValue), sizeof(long)),
            TensorElementType.Int32 => Numbers(v => (int)Integral(v, int.MinValue, int.MaxValue), sizeof(int)),
            TensorElementType.Int16 => Numbers(v => (short)Integral(v, short.MinValue, short.MaxValue), sizeof(short)),
            TensorElementType.UInt16 => Numbers(v => (ushort)Integral(v, ushort.MinValue, ushort.MaxValue), sizeof(ushort)),
            TensorElementType.Int8 => Numbers(v => (sbyte)Integral(v, sbyte.MinValue, sbyte.MaxValue), sizeof(sbyte)),
            TensorElementType.UInt8 => Numbers(v => (byte)Integral(v, byte.MinValue, byte.MaxValue), sizeof(byte)),
            TensorElementType.Bool => Numbers(Boolean, sizeof(bool)),
            _ => throw Mismatch(modelPath, port, input, $"element type {tensor.ElementType.Display()} is not supported as an input (supported: {SupportedInputTypes})"),
        };

        BoundInput Numbers<T>(Func<double, T> convert, int size)
            where T : unmanaged =>
            new(port.Name, tensor.ElementType, itemShape, rowElements, Fill(modelPath, port, input, rows, total, convert), size)
            {
                // CreateTensorValueFromMemory pins the slice for the value's lifetime: no copy.
                Tensor = (buffer, offset, length, shape) =>
                    OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ((T[])buffer).AsMemory(offset, length), shape),
            };
    }

    // Straight from float64 to float16, correctly rounded (through float32 a value could be rounded twice).
    private static Float16 ToFloat16(double value) => new(BitConverter.HalfToUInt16Bits((Half)value));

    private static long[] CheckShape(string modelPath, ModelPort port, TensorValueType tensor, ModelInput input)
    {
        var shape = tensor.Shape;
        var given = input.ItemShape;
        var rank = shape.Count;

        // A per-column input may be declared [N] as well as [N, 1].
        if (input.Layout == InputLayout.PerColumn && rank == 1)
        {
            return [];
        }

        if (input.Layout == InputLayout.Computed && rank != given.Count + 1)
        {
            throw Mismatch(modelPath, port, input, $"the model expects [{string.Join(", ", shape)}] but the values computed from column '{input.Columns[0].Name}' are [N, {string.Join(", ", given)}]");
        }

        if (rank != given.Count + 1)
        {
            // Side-by-side columns fill any shape whose fixed dimensions hold as many values, row-major: 64 columns
            // feed [N, 8, 8] or [N, 1, 8, 8] as they would feed [N, 64]. A reshape differing only in dimensions of 1
            // ([8, 8] for [1, 8, 8]) lays the values out the same way.
            if (FixedItemShape(shape) is { } fixedShape
                && (input.Layout == InputLayout.Dense ? fixedShape.Aggregate(1L, (a, b) => a * b) == given[0]
                    : input.Layout == InputLayout.Reshaped && fixedShape.Where(d => d != 1).SequenceEqual(given.Where(d => d != 1).Select(d => (long)d))))
            {
                return fixedShape;
            }

            var what = input.Layout switch
            {
                InputLayout.Dense => $"a [N, {given[0]}] tensor from {given[0]} columns",
                InputLayout.PerColumn => "one [N, 1] column",
                _ => $"a [N, {string.Join(", ", given)}] tensor",
            };
            var values = FixedItemShape(shape) is { } item ? $" ({item.Aggregate(1L, (a, b) => a * b).ToString(CultureInfo.InvariantCulture)} values per row)" : string.Empty;
            throw Mismatch(modelPath, port, input, $"the model expects [{string.Join(", ", shape)}]{values} but the columns were laid out as {what}");
        }

        for (var d = 0; d < given.Count; d++)
        {
            var expected = shape[d + 1].Size;
            if (expected is not null && expected.Value != given[d])
            {
                var count = input.Layout == InputLayout.Dense ? $"{expected} features, but {given[d]} columns were given" : $"dimension {d + 1} of size {expected}, but {given[d]} was given";
                throw Mismatch(modelPath, port, input, $"the model expects {count}");
            }
        }

        return given.Select(g => (long)g).ToArray();
    }

    /// <summary>The dimensions after the batch when all are fixed; null when any varies.</summary>
    private static long[]? FixedItemShape(IReadOnlyList<Dimension> shape) =>
        shape.Count > 0 && shape.Skip(1).All(d => d.Size is > 0) ? [.. shape.Skip(1).Select(d => d.Size!.Value)] : null;

    private static T[] Fill<T>(string modelPath, ModelPort port, ModelInput input, int rows, int total, Func<double, T> convert)
    {
        if (input.Values is { } computed)
        {
            return FillComputed(modelPath, port, input, total, computed, convert);
        }

        var width = input.Columns.Count;
        var buffer = new T[total];
        for (var c = 0; c < width; c++)
        {
            var column = input.Columns[c];
            var values = column.Numbers ?? throw Mismatch(modelPath, port, input, $"column '{column.Name}' is text, but the input is numeric");
            for (var r = 0; r < rows; r++)
            {
                try
                {
                    buffer[(r * width) + c] = convert(values[r]);
                }
                catch (InvalidCastException ex)
                {
                    throw new OnnxModelException(modelPath,
                        $"input '{port.Name}' ({port.Type}): column '{column.Name}' row {(r + 1).ToString(CultureInfo.InvariantCulture)} holds {values[r].ToString("R", CultureInfo.InvariantCulture)}, {ex.Message}.",
                        "fix the value, or feed a model whose input is float32.");
                }
            }
        }

        return buffer;
    }

    private static T[] FillComputed<T>(string modelPath, ModelPort port, ModelInput input, int total, double[] values, Func<double, T> convert)
    {
        if (typeof(T) == typeof(double))
        {
            // float64 inputs take the computed values as they are.
            return (T[])(object)values;
        }

        var buffer = new T[total];
        for (var i = 0; i < total; i++)
        {
            try
            {
                buffer[i] = convert(values[i]);
            }
            catch (InvalidCastException ex)
            {
                throw new OnnxModelException(modelPath,
                    $"input '{port.Name}' ({port.Type}): the values computed from column '{input.Columns[0].Name}' row {((i / input.RowElements) + 1).ToString(CultureInfo.InvariantCulture)} include {values[i].ToString("R", CultureInfo.InvariantCulture)}, {ex.Message}.",
                    "check the input's element type: images feed float inputs, token ids integer inputs.");
            }
        }

        return buffer;
    }

    private static string[] FillText(string modelPath, ModelPort port, ModelInput input, int rows, int total)
    {
        var width = input.Columns.Count;
        var buffer = new string[total];
        for (var c = 0; c < width; c++)
        {
            var column = input.Columns[c];
            var values = column.Texts ?? throw Mismatch(modelPath, port, input, $"column '{column.Name}' is numeric, but the input is a string tensor");
            for (var r = 0; r < rows; r++)
            {
                buffer[(r * width) + c] = values[r] ?? string.Empty;
            }
        }

        return buffer;
    }

    private static double Integral(double value, double min, double max) =>
        double.IsFinite(value) && Math.Floor(value) == value && value >= min && value <= max
            ? value
            : throw new InvalidCastException("which is not an integer in range for this integer input");

    private static bool Boolean(double value) => value switch
    {
        0 => false,
        1 => true,
        _ => throw new InvalidCastException("but a bool input takes only 0 or 1"),
    };

    private static OnnxModelException Mismatch(string modelPath, ModelPort port, ModelInput input, string what) =>
        new(modelPath,
            $"input '{port.Name}' expects {port.Type}: {what}. Columns given ({input.Columns.Count}): {Describe(input.Columns)}.",
            input.Layout == InputLayout.Computed
                ? "make the policy's data.images or data.text entry for this input give the shape the model declares (resize, crop, colour, layout, max_length)."
                : "map the input to the columns the model was trained on, in the same order and type.");

    private static string Describe(IReadOnlyList<InputColumn> columns) =>
        columns.Count <= 8
            ? string.Join(", ", columns)
            : string.Join(", ", columns.Take(6)) + $", ... {columns[^1]}";
}
