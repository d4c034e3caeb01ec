using System.Text;

namespace ModelGate.Faults.Tests.Hostile;

/// <summary>
/// Rewrites a small .onnx file so that every initializer keeps its raw_data in one external file (as
/// <c>onnx.save(..., save_as_external_data=True)</c> does), with the protobuf wire format written by hand.
/// </summary>
internal static class ExternalDataModel
{
    /// <summary>Writes <paramref name="modelOut"/> and, beside it, <paramref name="dataFile"/> holding the weights.</summary>
    public static void Split(string modelIn, string modelOut, string dataFile)
    {
        var weights = new MemoryStream();
        var model = Fields(File.ReadAllBytes(modelIn)).SelectMany(f => f.Number == 7 ? Field(7, Graph(f.Payload, weights, dataFile)) : f.Raw).ToArray();
        File.WriteAllBytes(modelOut, model);
        File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(modelOut)!, dataFile), weights.ToArray());
    }

    /// <summary>A ModelProto whose one initializer keeps its data in <paramref name="location"/>, and nothing else.</summary>
    public static byte[] Pointing(string location)
    {
        byte[] irVersion = [0x08, 0x08];
        return [.. irVersion, .. Field(7, Field(5, Entry("location", location)))];
    }

    /// <summary>A ModelProto field 14 (metadata_props) entry, to append to a model file.</summary>
    public static byte[] MetadataEntry(string key, string value) =>
        Field(14, [.. Field(1, Encoding.UTF8.GetBytes(key)), .. Field(2, Encoding.UTF8.GetBytes(value))]);

    private static byte[] Graph(byte[] graph, MemoryStream weights, string dataFile) =>
        [.. Fields(graph).SelectMany(f => f.Number == 5 ? Field(5, Tensor(f.Payload, weights, dataFile)) : f.Raw)];

    private static byte[] Tensor(byte[] tensor, MemoryStream weights, string dataFile)
    {
        var kept = new List<byte>();
        foreach (var f in Fields(tensor))
        {
            if (f.Number != 9)
            {
                kept.AddRange(f.Raw);
                continue;
            }

            var offset = weights.Length;
            weights.Write(f.Payload);
            kept.AddRange(Entry("location", dataFile));
            kept.AddRange(Entry("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            kept.AddRange(Entry("length", f.Payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            kept.AddRange([(14 << 3) | 0, 1]);
        }

        return [.. kept];
    }

    private static byte[] Entry(string key, string value) =>
        Field(13, [.. Field(1, Encoding.UTF8.GetBytes(key)), .. Field(2, Encoding.UTF8.GetBytes(value))]);

    private static byte[] Field(int number, byte[] payload) => [.. Varint((ulong)((number << 3) | 2)), .. Varint((ulong)payload.Length), .. payload];

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }

    private static IEnumerable<(int Number, byte[] Payload, byte[] Raw)> Fields(byte[] message)
    {
        var i = 0;
        while (i < message.Length)
        {
            var start = i;
            var tag = ReadVarint(message, ref i);
            byte[] payload;
            switch (tag & 7)
            {
                case 0:
                    ReadVarint(message, ref i);
                    payload = [];
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref i);
                    payload = message[i..(i + length)];
                    i += length;
                    break;
                case 5:
                    payload = message[i..(i + 4)];
                    i += 4;
                    break;
                case 1:
                    payload = message[i..(i + 8)];
                    i += 8;
                    break;
                default:
                    throw new InvalidDataException("wire type " + (tag & 7));
            }

            yield return ((int)(tag >> 3), payload, message[start..i]);
        }
    }

    private static ulong ReadVarint(byte[] bytes, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
