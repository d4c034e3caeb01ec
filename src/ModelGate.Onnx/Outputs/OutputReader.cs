using System.Globalization;
using System.Runtime.Intrinsics;
using Microsoft.ML.OnnxRuntime;
using ModelGate.Onnx.Signature;
using OrtValueKind = Microsoft.ML.OnnxRuntime.OnnxValueType;

namespace ModelGate.Onnx.Outputs;

/// <summary>Copies an ORT tensor's numbers, converted to float64, into a target of the tensor's element count (or fewer).</summary>
internal delegate void CopyAs(OrtValue value, Span<double> target);

/// <summary>Copies ORT output values (tensors, sequences of maps) into managed arrays while the values are alive.</summary>
internal static class OutputReader
{
    /// <summary>
    /// Appends one batch of an output value to its accumulator: the first <paramref name="batchRows"/> of the
    /// <paramref name="fedRows"/> rows the model was given (the rest are padding for a fixed batch size).
    /// </summary>
    public static void Read(OrtValue value, OutputAccumulator target, int batchRows, int fedRows)
    {
        switch (value.OnnxType)
        {
            case OrtValueKind.ONNX_TYPE_TENSOR:
                var (type, shape, count) = Describe(value);
                (shape, count) = RowsOf(target, shape, count, batchRows, fedRows);
                if (type == TensorElementType.String)
                {
                    value.GetStringTensorAsArray().AsSpan(0, (int)count).CopyTo(target.Texts(shape, count, batchRows));
                }
                else
                {
                    CopyNumbers(value, type, target.Numbers(type, shape, count, batchRows));
                }

                break;
            case OrtValueKind.ONNX_TYPE_SEQUENCE:
                ReadMapSequence(value, target, batchRows, fedRows);
                break;
            default:
                throw new NotSupportedException($"output '{target.Name}' is of ONNX value type {((int)value.OnnxType).ToString(CultureInfo.InvariantCulture)}, which ModelGate does not read");
        }
    }

    // A [1, fed] value of an output declared [1, N] is one value per row laid along a row: the same numbers as [fed, 1].
    // Rows past batchRows are the padding of a fixed batch; they are left out (row-major, so they are the tail).
    private static (long[] Shape, long Count) RowsOf(OutputAccumulator target, long[] shape, long count, int batchRows, int fedRows)
    {
        if (target.RowAlongColumns && shape is [1, var n] && n == fedRows)
        {
            shape = [n, 1];
        }

        if (fedRows == batchRows || shape.Length == 0 || shape[0] != fedRows)
        {
            return (shape, count);
        }

        return ([batchRows, .. shape[1..]], count / fedRows * batchRows);
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

        CopyAs copy = type switch
        {
            TensorElementType.Float => (v, t) => WidenFloats(v.GetTensorDataAsSpan<float>(), t),
            TensorElementType.Double => (v, t) => v.GetTensorDataAsSpan<double>()[..t.Length].CopyTo(t),
            TensorElementType.Float16 => (v, t) => Map(v.GetTensorDataAsSpan<Float16>(), t, half => (double)BitConverter.UInt16BitsToHalf(half.value)),
            TensorElementType.BFloat16 => (v, t) => Map(v.GetTensorDataAsSpan<BFloat16>(), t, brain => (float)brain),
            TensorElementType.Int64 => Widen<long>,
            TensorElementType.Int32 => Widen<int>,
            TensorElementType.Int16 => Widen<short>,
            TensorElementType.UInt16 => Widen<ushort>,
            TensorElementType.Int8 => Widen<sbyte>,
            TensorElementType.UInt8 => Widen<byte>,
            TensorElementType.Bool => (v, t) => Map(v.GetTensorDataAsSpan<bool>(), t, flag => flag ? 1 : 0),
            _ => throw new NotSupportedException($"output element type {type.Display()} is not supported (supported: float32, float64, float16, bfloat16, int64, int32, int16, uint16, int8, uint8, bool, string)"),
        };
        copy(value, target);
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

    private static void Widen<T>(OrtValue value, Span<double> target)
        where T : unmanaged, System.Numerics.INumberBase<T>
    {
        // Same length on both sides, so the JIT drops the bounds checks in the loop.
        var source = value.GetTensorDataAsSpan<T>()[..target.Length];
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = double.CreateTruncating(source[i]);
        }
    }

    private static void Map<T>(ReadOnlySpan<T> source, Span<double> target, Func<T, double> convert)
    {
        source = source[..target.Length];
        for (var i = 0; i < source.Length; i++)
        {
            target[i] = convert(source[i]);
        }
    }

    private static void ReadMapSequence(OrtValue sequence, OutputAccumulator target, int batchRows, int fedRows)
    {
        var rows = sequence.GetValueCount();
        if (rows != fedRows)
        {
            throw new NotSupportedException($"output '{target.Name}' is a sequence of {rows} values for {fedRows} rows; only one map per row is read");
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
