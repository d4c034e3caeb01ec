using System.Text;

namespace ModelGate.Onnx.Signature;

/// <summary>
/// The top-level ModelProto fields ORT's C API does not expose (ir_version, producer_version, opset_import),
/// read straight from the .onnx file. Only the protobuf wire format is parsed; the graph is skipped, not read.
/// </summary>
internal sealed record ModelProtoHeader(long IrVersion, string ProducerVersion, IReadOnlyList<OpsetImport> Opsets)
{
    private const int MaxStringBytes = 1 << 20;

    /// <summary>Reads the header, or null when the file is not a well-formed ModelProto (ORT then explains why).</summary>
    public static ModelProtoHeader? TryRead(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
            return Read(stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
        {
            return null;
        }
    }

    private static ModelProtoHeader Read(Stream stream)
    {
        long irVersion = 0;
        var producerVersion = string.Empty;
        var opsets = new List<OpsetImport>();
        while (stream.Position < stream.Length)
        {
            var (field, wire) = ReadTag(stream);
            switch (field, wire)
            {
                case (1, 0):
                    irVersion = (long)ReadVarint(stream);
                    break;
                case (3, 2):
                    producerVersion = ReadString(stream);
                    break;
                case (8, 2):
                    opsets.Add(ReadOpset(stream, ReadLength(stream)));
                    break;
                default:
                    Skip(stream, wire);
                    break;
            }
        }

        return new ModelProtoHeader(irVersion, producerVersion, opsets);
    }

    private static OpsetImport ReadOpset(Stream stream, long length)
    {
        var end = stream.Position + length;
        var domain = string.Empty;
        long version = 0;
        while (stream.Position < end)
        {
            var (field, wire) = ReadTag(stream);
            switch (field, wire)
            {
                case (1, 2):
                    domain = ReadString(stream);
                    break;
                case (2, 0):
                    version = (long)ReadVarint(stream);
                    break;
                default:
                    Skip(stream, wire);
                    break;
            }
        }

        return new OpsetImport(domain, version);
    }

    private static (ulong Field, int Wire) ReadTag(Stream stream)
    {
        var tag = ReadVarint(stream);
        var field = tag >> 3;
        if (field == 0)
        {
            throw new InvalidDataException("field number 0");
        }

        return (field, (int)(tag & 7));
    }

    private static void Skip(Stream stream, int wire)
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

    private static void Seek(Stream stream, long count)
    {
        if (stream.Position + count > stream.Length)
        {
            throw new EndOfStreamException();
        }

        stream.Seek(count, SeekOrigin.Current);
    }

    private static long ReadLength(Stream stream)
    {
        var length = ReadVarint(stream);
        return length > (ulong)(stream.Length - stream.Position) ? throw new EndOfStreamException() : (long)length;
    }

    private static string ReadString(Stream stream)
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

    private static ulong ReadVarint(Stream stream)
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
