using System.Globalization;

namespace ModelGate.Onnx.Signature;

/// <summary>
/// The class labels a converted classifier carries in its graph (skl2onnx, onnxmltools): the <c>classlabels_strings</c>,
/// <c>classlabels_ints</c> or <c>classlabels_int64s</c> attribute of a ZipMap or an <c>ai.onnx.ml</c> classifier node, in
/// the order of its probability columns. ORT's API does not expose graph nodes, so the .onnx file's protobuf is walked:
/// initializers and other large fields are skipped, not read.
/// </summary>
/// <param name="Labels">The labels as invariant text, in column order.</param>
/// <param name="Source">Where they were found, for messages, e.g. <c>the LinearClassifier node's classlabels_strings</c>.</param>
internal sealed record ClassLabelMetadata(IReadOnlyList<string> Labels, string Source)
{
    private static readonly string[] Classifiers = ["ZipMap", "LinearClassifier", "SVMClassifier", "TreeEnsembleClassifier"];
    private static readonly string[] Attributes = ["classlabels_strings", "classlabels_ints", "classlabels_int64s"];

    /// <summary>The labels of the model's ZipMap, else of its first classifier node; null when it has none or the file is not a ModelProto.</summary>
    public static ClassLabelMetadata? TryRead(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
            var found = new List<ClassLabelMetadata>();
            while (stream.Position < stream.Length)
            {
                var (field, wire) = ProtoWire.ReadTag(stream);
                if ((field, wire) == (7, 2))
                {
                    ReadGraph(stream, stream.Position + ProtoWire.ReadLength(stream), found);
                }
                else
                {
                    ProtoWire.Skip(stream, wire);
                }
            }

            return found.FirstOrDefault(f => f.Source.Contains("ZipMap", StringComparison.Ordinal)) ?? found.FirstOrDefault();
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException)
        {
            return null;
        }
    }

    private static void ReadGraph(Stream stream, long end, List<ClassLabelMetadata> found)
    {
        while (stream.Position < end)
        {
            var (field, wire) = ProtoWire.ReadTag(stream);
            if ((field, wire) == (1, 2) && ReadNode(stream, stream.Position + ProtoWire.ReadLength(stream)) is { } labels)
            {
                found.Add(labels);
            }
            else if ((field, wire) != (1, 2))
            {
                ProtoWire.Skip(stream, wire);
            }
        }
    }

    private static ClassLabelMetadata? ReadNode(Stream stream, long end)
    {
        var opType = string.Empty;
        (string Name, List<string> Values)? labels = null;
        while (stream.Position < end)
        {
            var (field, wire) = ProtoWire.ReadTag(stream);
            switch (field, wire)
            {
                case (4, 2):
                    opType = ProtoWire.ReadString(stream);
                    break;
                case (5, 2):
                    var attribute = ReadAttribute(stream, stream.Position + ProtoWire.ReadLength(stream));
                    if (attribute is { Values.Count: > 0 })
                    {
                        labels = attribute;
                    }

                    break;
                default:
                    ProtoWire.Skip(stream, wire);
                    break;
            }
        }

        return labels is { } l && Classifiers.Contains(opType, StringComparer.Ordinal)
            ? new ClassLabelMetadata(l.Values, $"the {opType} node's {l.Name}")
            : null;
    }

    // AttributeProto: name = 1, ints = 8 (packed or not), strings = 9; everything else (tensors, graphs) is skipped.
    private static (string Name, List<string> Values)? ReadAttribute(Stream stream, long end)
    {
        var name = string.Empty;
        var values = new List<string>();
        while (stream.Position < end)
        {
            var (field, wire) = ProtoWire.ReadTag(stream);
            switch (field, wire)
            {
                case (1, 2):
                    name = ProtoWire.ReadString(stream);
                    break;
                case (8, 0):
                    values.Add(((long)ProtoWire.ReadVarint(stream)).ToString(CultureInfo.InvariantCulture));
                    break;
                case (8, 2):
                    var packedEnd = stream.Position + ProtoWire.ReadLength(stream);
                    while (stream.Position < packedEnd)
                    {
                        values.Add(((long)ProtoWire.ReadVarint(stream)).ToString(CultureInfo.InvariantCulture));
                    }

                    break;
                case (9, 2):
                    values.Add(ProtoWire.ReadString(stream));
                    break;
                default:
                    ProtoWire.Skip(stream, wire);
                    break;
            }
        }

        return Attributes.Contains(name, StringComparer.Ordinal) ? (name, values) : null;
    }
}
