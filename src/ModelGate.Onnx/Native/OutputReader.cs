using System.Globalization;
using System.Text;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Native;

/// <summary>Copies ORT output values (tensors, sequences of maps) into managed arrays while the values are alive.</summary>
internal static unsafe class OutputReader
{
    private const int OnnxTypeTensor = 1;
    private const int OnnxTypeSequence = 2;

    /// <summary>Appends one batch of an output value to its accumulator.</summary>
    public static void Read(OrtApi api, nint value, OutputAccumulator target, int batchRows)
    {
        int kind;
        api.Check(api.GetValueType(value, &kind), "GetValueType");
        switch (kind)
        {
            case OnnxTypeTensor:
                var (type, shape, count) = Describe(api, value);
                if (type == TensorElementType.String)
                {
                    ReadStrings(api, value, target.Texts(shape, count, batchRows));
                }
                else
                {
                    CopyNumbers(api, value, type, target.Numbers(type, shape, count, batchRows));
                }

                break;
            case OnnxTypeSequence:
                ReadMapSequence(api, value, target, batchRows);
                break;
            default:
                throw new NotSupportedException($"output '{target.Name}' is of ONNX value type {kind.ToString(CultureInfo.InvariantCulture)}, which ModelGate does not read");
        }
    }

    private static (TensorElementType Type, long[] Shape, long Count) Describe(OrtApi api, nint value)
    {
        nint info;
        api.Check(api.GetTensorTypeAndShape(value, &info), "GetTensorTypeAndShape");
        TensorElementType type;
        long[] shape;
        nuint count;
        using (var owned = new OrtTensorTypeAndShapeInfoHandle(api, info))
        {
            int element;
            api.Check(api.GetTensorElementType(owned.Pointer, &element), "GetTensorElementType");
            type = (TensorElementType)element;
            nuint rank;
            api.Check(api.GetDimensionsCount(owned.Pointer, &rank), "GetDimensionsCount");
            shape = new long[(int)rank];
            fixed (long* s = shape)
            {
                api.Check(api.GetDimensions(owned.Pointer, s, rank), "GetDimensions");
            }

            api.Check(api.GetTensorShapeElementCount(owned.Pointer, &count), "GetTensorShapeElementCount");
        }

        return (type, shape, (long)count);
    }

    private static void CopyNumbers(OrtApi api, nint value, TensorElementType type, Span<double> target)
    {
        if (target.Length == 0)
        {
            return;
        }

        void* data;
        api.Check(api.GetTensorMutableData(value, &data), "GetTensorMutableData");
        switch (type)
        {
            case TensorElementType.Float:
                var floats = new ReadOnlySpan<float>(data, target.Length);
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = floats[i];
                }

                break;
            case TensorElementType.Double:
                new ReadOnlySpan<double>(data, target.Length).CopyTo(target);
                break;
            case TensorElementType.Int64:
                var longs = new ReadOnlySpan<long>(data, target.Length);
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = longs[i];
                }

                break;
            case TensorElementType.Int32:
                var ints = new ReadOnlySpan<int>(data, target.Length);
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = ints[i];
                }

                break;
            case TensorElementType.Bool:
            case TensorElementType.UInt8:
                var bytes = new ReadOnlySpan<byte>(data, target.Length);
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = bytes[i];
                }

                break;
            default:
                throw new NotSupportedException($"output element type {type.Display()} is not supported (supported: float32, float64, int64, int32, bool, uint8, string)");
        }
    }

    private static void ReadStrings(OrtApi api, nint value, Span<string> result)
    {
        var count = result.Length;
        if (count == 0)
        {
            return;
        }

        nuint length;
        api.Check(api.GetStringTensorDataLength(value, &length), "GetStringTensorDataLength");
        var bytes = new byte[(int)length];
        var offsets = new nuint[count];
        fixed (byte* b = bytes)
        fixed (nuint* o = offsets)
        {
            api.Check(api.GetStringTensorContent(value, b, length, o, (nuint)count), "GetStringTensorContent");
        }

        for (var i = 0; i < count; i++)
        {
            var start = (int)offsets[i];
            var end = i + 1 < count ? (int)offsets[i + 1] : bytes.Length;
            result[i] = Encoding.UTF8.GetString(bytes, start, end - start);
        }
    }

    private static void ReadMapSequence(OrtApi api, nint sequence, OutputAccumulator target, int batchRows)
    {
        nuint rows;
        api.Check(api.GetValueCount(sequence, &rows), "GetValueCount");
        if ((int)rows != batchRows)
        {
            throw new NotSupportedException($"output '{target.Name}' is a sequence of {rows} values for {batchRows} rows; only one map per row is read");
        }

        List<string>? keys = null;
        double[]? numbers = null;
        var valueType = TensorElementType.Float;
        for (var r = 0; r < batchRows; r++)
        {
            nint map;
            api.Check(api.GetValue(sequence, r, api.DefaultAllocator, &map), "GetValue");
            using var mapHandle = new OrtValueHandle(api, map);
            nint keysValue;
            nint valuesValue;
            api.Check(api.GetValue(mapHandle.Pointer, 0, api.DefaultAllocator, &keysValue), "GetValue");
            using var keysHandle = new OrtValueHandle(api, keysValue);
            api.Check(api.GetValue(mapHandle.Pointer, 1, api.DefaultAllocator, &valuesValue), "GetValue");
            using var valuesHandle = new OrtValueHandle(api, valuesValue);

            var (keyType, _, keyCount) = Describe(api, keysHandle.Pointer);
            var (type, _, valueCount) = Describe(api, valuesHandle.Pointer);
            valueType = type;
            var keyTexts = new string[keyCount];
            if (keyType == TensorElementType.String)
            {
                ReadStrings(api, keysHandle.Pointer, keyTexts);
            }
            else
            {
                var keyNumbers = new double[keyCount];
                CopyNumbers(api, keysHandle.Pointer, keyType, keyNumbers);
                for (var k = 0; k < keyTexts.Length; k++)
                {
                    keyTexts[k] = keyNumbers[k].ToString("R", CultureInfo.InvariantCulture);
                }
            }

            var rowValues = new double[valueCount];
            CopyNumbers(api, valuesHandle.Pointer, type, rowValues);
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
}
