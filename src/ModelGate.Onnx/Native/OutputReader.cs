using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Native;

/// <summary>One batch's worth of one output, copied into managed memory.</summary>
internal sealed record BatchOutput(bool IsMapSequence, TensorElementType ElementType, long[] Shape, double[] Numbers, string[]? Texts, IReadOnlyList<string> MapKeys);

/// <summary>Copies ORT output values (tensors, sequences of maps) into managed arrays while the values are alive.</summary>
internal static unsafe class OutputReader
{
    private const int OnnxTypeTensor = 1;
    private const int OnnxTypeSequence = 2;

    public static BatchOutput Read(OrtApi api, nint value, string name)
    {
        int kind;
        api.Check(api.GetValueType(value, &kind), "GetValueType");
        return kind switch
        {
            OnnxTypeTensor => ReadTensor(api, value),
            OnnxTypeSequence => ReadMapSequence(api, value, name),
            _ => throw new NotSupportedException($"output '{name}' is of ONNX value type {kind.ToString(CultureInfo.InvariantCulture)}, which ModelGate does not read"),
        };
    }

    private static BatchOutput ReadTensor(OrtApi api, nint value)
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

        if (type == TensorElementType.String)
        {
            return new BatchOutput(false, type, shape, [], ReadStrings(api, value, (int)count), []);
        }

        var numbers = new double[(int)count];
        if (count > 0)
        {
            void* data;
            api.Check(api.GetTensorMutableData(value, &data), "GetTensorMutableData");
            CopyNumbers(type, data, numbers);
        }

        return new BatchOutput(false, type, shape, numbers, null, []);
    }

    private static void CopyNumbers(TensorElementType type, void* data, double[] target)
    {
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

    private static string[] ReadStrings(OrtApi api, nint value, int count)
    {
        var result = new string[count];
        if (count == 0)
        {
            return result;
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

        return result;
    }

    private static BatchOutput ReadMapSequence(OrtApi api, nint sequence, string name)
    {
        nuint rows;
        api.Check(api.GetValueCount(sequence, &rows), "GetValueCount");
        List<string>? keys = null;
        double[]? numbers = null;
        var valueType = TensorElementType.Float;
        for (var r = 0; r < (int)rows; r++)
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

            var rowKeys = ReadTensor(api, keysHandle.Pointer);
            var rowValues = ReadTensor(api, valuesHandle.Pointer);
            valueType = rowValues.ElementType;
            var keyTexts = rowKeys.Texts ?? rowKeys.Numbers.Select(k => k.ToString("R", CultureInfo.InvariantCulture)).ToArray();
            if (keys is null)
            {
                keys = [.. keyTexts];
                numbers = new double[(int)rows * keys.Count];
            }

            for (var k = 0; k < keyTexts.Length; k++)
            {
                var column = string.Equals(keys[k < keys.Count ? k : 0], keyTexts[k], StringComparison.Ordinal) && k < keys.Count ? k : keys.IndexOf(keyTexts[k]);
                if (column < 0 || keyTexts.Length != keys.Count)
                {
                    throw new NotSupportedException($"output '{name}': row {r + 1} has map keys [{string.Join(",", keyTexts)}], unlike row 1's [{string.Join(",", keys)}]");
                }

                numbers![(r * keys.Count) + column] = rowValues.Numbers[k];
            }
        }

        keys ??= [];
        return new BatchOutput(true, valueType, [(long)rows, keys.Count], numbers ?? [], null, keys);
    }
}
