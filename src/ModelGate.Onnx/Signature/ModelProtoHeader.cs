namespace ModelGate.Onnx.Signature;

/// <summary>
/// The top-level ModelProto fields ORT's C API does not expose (ir_version, producer_version, opset_import),
/// read straight from the .onnx file. Only the protobuf wire format is parsed; the graph is skipped, not read.
/// </summary>
internal sealed record ModelProtoHeader(long IrVersion, string ProducerVersion, IReadOnlyList<OpsetImport> Opsets)
{
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
            var (field, wire) = ProtoWire.ReadTag(stream);
            switch (field, wire)
            {
                case (1, 0):
                    irVersion = (long)ProtoWire.ReadVarint(stream);
                    break;
                case (3, 2):
                    producerVersion = ProtoWire.ReadString(stream);
                    break;
                case (8, 2):
                    opsets.Add(ReadOpset(stream, ProtoWire.ReadLength(stream)));
                    break;
                default:
                    ProtoWire.Skip(stream, wire);
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
            var (field, wire) = ProtoWire.ReadTag(stream);
            switch (field, wire)
            {
                case (1, 2):
                    domain = ProtoWire.ReadString(stream);
                    break;
                case (2, 0):
                    version = (long)ProtoWire.ReadVarint(stream);
                    break;
                default:
                    ProtoWire.Skip(stream, wire);
                    break;
            }
        }

        return new OpsetImport(domain, version);
    }
}
