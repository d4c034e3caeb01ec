using System.Text;

namespace ModelGate.Onnx.Signature;

/// <summary>The protobuf wire format, just enough to walk an .onnx file's fields without loading it.</summary>
internal static class ProtoWire
{
    private const int MaxStringBytes = 1 << 20;

    public static (ulong Field, int Wire) ReadTag(Stream stream)
    {
        var tag = ReadVarint(stream);
        var field = tag >> 3;
        if (field == 0)
        {
            throw new InvalidDataException("field number 0");
        }

        return (field, (int)(tag & 7));
    }

    public static void Skip(Stream stream, int wire)
    {
        switch (wire)
        {
            case 0:
                ReadVarint(stream);
                break;
            case 1:
                Seek(stream, 8);
                break;
            case 2:
                Seek(stream, ReadLength(stream));
                break;
            case 5:
                Seek(stream, 4);
                break;
            default:
                throw new InvalidDataException($"wire type {wire}");
        }
    }

    public static void Seek(Stream stream, long count)
    {
        if (stream.Position + count > stream.Length)
        {
            throw new EndOfStreamException();
        }

        stream.Seek(count, SeekOrigin.Current);
    }

    public static long ReadLength(Stream stream)
    {
        var length = ReadVarint(stream);
        return length > (ulong)(stream.Length - stream.Position) ? throw new EndOfStreamException() : (long)length;
    }

    public static string ReadString(Stream stream)
    {
        var length = ReadLength(stream);
        if (length > MaxStringBytes)
        {
            Seek(stream, length);
            return string.Empty;
        }

        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    public static ulong ReadVarint(Stream stream)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException();
            }

            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("varint longer than 10 bytes");
    }
}
