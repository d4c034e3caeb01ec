using System.Globalization;
using System.Runtime.Intrinsics;
using Microsoft.ML.OnnxRuntime;
using ModelGate.Onnx.Signature;
using OrtValueKind = Microsoft.ML.OnnxRuntime.OnnxValueType;

namespace ModelGate.Onnx.Outputs;

/// <summary>Copies ORT output values (tensors, sequences of maps) into managed arrays while the values are alive.</summary>
internal static class OutputReader
{
    /// <summary>Appends one batch of an output value to its accumulator.</summary>
    public static void Read(OrtValue value, OutputAccumulator target, int batchRows)
    {
        switch (value.OnnxType)
        {
            case OrtValueKind.ONNX_TYPE_TENSOR:
                var (type, shape, count) = Describe(value);
                if (type == TensorElementType.String)
                {
                    value.GetStringTensorAsArray().AsSpan().CopyTo(target.Texts(shape, count, batchRows));
                }
                else
                {
                    CopyNumbers(value, type, target.Numbers(type, shape, count, batchRows));
                }

                break;
            case OrtValueKind.ONNX_TYPE_SEQUENCE:
                ReadMapSequence(value, target, batchRows);
                break;
            default:
                throw new NotSupportedException($"output '{target.Name}' is of ONNX value type {((int)value.OnnxType).ToString(CultureInfo.InvariantCulture)}, which ModelGate does not read");
        }
    }

    private static (TensorElementType Type, long[] Shape, long Count) Describe(OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        return ((TensorElementType)info.ElementDataType, info.Shape, info.ElementCount);
    }

    private static void CopyNumbers(OrtValue value, TensorElementType type, Span<double> target)
    {
        if (target.Length == 0)
        {
            return;
        }

        switch (type)
        {
            case TensorElementType.Float:
                WidenFloats(value.GetTensorDataAsSpan<float>(), target);
                break;
            case TensorElementType.Double:
                value.GetTensorDataAsSpan<double>()[..target.Length].CopyTo(target);
                break;
            case TensorElementType.Int64:
                Widen(value.GetTensorDataAsSpan<long>(), target);
                break;
            case TensorElementType.Int32:
                Widen(value.GetTensorDataAsSpan<int>(), target);
                break;
            case TensorElementType.Bool:
                var flags = value.GetTensorDataAsSpan<bool>();
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = flags[i] ? 1 : 0;
                }

                break;
            case TensorElementType.UInt8:
                Widen(value.GetTensorDataAsSpan<byte>(), target);
                break;
            default:
                throw new NotSupportedException($"output element type {type.Display()} is not supported (supported: float32, float64, int64, int32, bool, uint8, string)");
        }
    }

    /// <summary>float → double, eight at a time where the CPU has 256-bit vectors (exact: every float is a double).</summary>
    private static void WidenFloats(ReadOnlySpan<float> source, Span<double> target)
    {
        source = source[..target.Length];
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= source.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var (lower, upper) = Vector256.Widen(Vector256.Create(source.Slice(i, Vector256<float>.Count)));
                lower.CopyTo(target.Slice(i, Vector256<double>.Count));
                upper.CopyTo(target.Slice(i + Vector256<double>.Count, Vector256<double>.Count));
            }
        }

        for (; i < source.Length; i++)
        {
            target[i] = source[i];
        }
    }

    private static void Widen<T>(ReadOnlySpan<T> source, Span<double> target)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        // Same length on both sides, so the JIT drops the bounds checks in the loop.
        source = source[..target.Length];
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = double.CreateTruncating(source[i]);
        }
    }

    private static void ReadMapSequence(OrtValue sequence, OutputAccumulator target, int batchRows)
    {
        var rows = sequence.GetValueCount();
        if (rows != batchRows)
        {
            throw new NotSupportedException($"output '{target.Name}' is a sequence of {rows} values for {batchRows} rows; only one map per row is read");
        }

        var allocator = OrtAllocator.DefaultInstance;
        List<string>? keys = null;
        double[]? numbers = null;
        var valueType = TensorElementType.Float;
        for (var r = 0; r < batchRows; r++)
        {
            using var map = sequence.GetValue(r, allocator);
            using var keysValue = map.GetValue(0, allocator);
            using var valuesValue = map.GetValue(1, allocator);
            var (keyType, _, keyCount) = Describe(keysValue);
            var (type, _, valueCount) = Describe(valuesValue);
            valueType = type;
            var keyTexts = ReadKeys(keysValue, keyType, keyCount);
            var rowValues = new double[valueCount];
            CopyNumbers(valuesValue, type, rowValues);
            if (keys is null)
            {
                keys = [.. keyTexts];
                numbers = new double[batchRows * keys.Count];
            }

            if (keyTexts.Length != keys.Count || rowValues.Length != keys.Count)
            {
                throw new NotSupportedException($"output '{target.Name}': row {r + 1} has {keyTexts.Length} map entries, unlike the {keys.Count} before");
            }

            for (var k = 0; k < keyTexts.Length; k++)
            {
                var column = string.Equals(keys[k], keyTexts[k], StringComparison.Ordinal) ? k : keys.IndexOf(keyTexts[k]);
                if (column < 0)
                {
                    throw new NotSupportedException($"output '{target.Name}': row {r + 1} has map keys [{string.Join(",", keyTexts)}], unlike [{string.Join(",", keys)}] before");
                }

                numbers![(r * keys.Count) + column] = rowValues[k];
            }
        }

        target.Maps(valueType, keys ?? [], numbers ?? [], batchRows);
    }

    /// <summary>Map keys as invariant text: strings as they are, numbers (ZipMap's int64 class labels) round-trippable.</summary>
    private static string[] ReadKeys(OrtValue keys, TensorElementType type, long count)
    {
        if (type == TensorElementType.String)
        {
            return keys.GetStringTensorAsArray();
        }

        var numbers = new double[count];
        CopyNumbers(keys, type, numbers);
        return numbers.Select(n => n.ToString("R", CultureInfo.InvariantCulture)).ToArray();
    }
}
