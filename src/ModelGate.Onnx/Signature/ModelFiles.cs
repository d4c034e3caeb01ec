using System.Security.Cryptography;
using ModelGate.Core.Limits;
using ModelGate.Onnx.Errors;

namespace ModelGate.Onnx.Signature;

/// <summary>
/// A model's files: the .onnx and the external-data files its initializers name (<c>external_data</c> location),
/// read from the protobuf without loading the model, so the size limit is checked before ONNX Runtime opens anything
/// and the reported size and provenance hash cover the weights, not a 300-byte graph.
/// </summary>
internal sealed record ModelFiles(string Model, IReadOnlyList<string> ExternalFiles, long TotalBytes)
{
    private const int MaxGraphDepth = 64;

    /// <summary>Finds the external-data files of <paramref name="modelPath"/> and checks the total size against <paramref name="limits"/>.</summary>
    /// <exception cref="OnnxModelException">An external-data location is absolute or leaves the model's folder.</exception>
    /// <exception cref="LimitExceededException">The model and its data are larger than <see cref="ResourceLimits.ModelBytes"/>.</exception>
    public static ModelFiles Of(string modelPath, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        ArgumentNullException.ThrowIfNull(limits);
        var folder = Path.GetDirectoryName(Path.GetFullPath(modelPath)) ?? ".";
        var locations = new SortedSet<string>(StringComparer.Ordinal);
        if (File.Exists(modelPath))
        {
            try
            {
                using var stream = new FileStream(modelPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
                ReadMessage(stream, stream.Length, Message.Model, 0, locations);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                // Not a well-formed ModelProto: ONNX Runtime says why when it loads it.
            }
        }

        var files = new List<string>();
        foreach (var location in locations)
        {
            var full = Path.GetFullPath(Path.Combine(folder, location));
            if (Path.IsPathRooted(location) || !full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new OnnxModelException(modelPath, $"an initializer's external data location {Core.Text.ConsoleText.Preview(location, 80)} is outside the model's folder",
                    "keep external-data files next to the .onnx file and name them by relative path");
            }

            files.Add(full);
        }

        var total = SizeOf(modelPath) + files.Sum(SizeOf);
        if (total > limits.ModelBytes)
        {
            throw new LimitExceededException(
                $"{modelPath}: the model and its external data are {ResourceLimits.Format(total, true)}, more than {ResourceLimits.Format(limits.ModelBytes, true)} (model_bytes); {LimitExceededException.HowToRaise("model_bytes")}");
        }

        return new ModelFiles(modelPath, files, total);
    }

    /// <summary>SHA-256 of the .onnx file, or, with external data, of the .onnx bytes followed by each data file's bytes in location order.</summary>
    public string Sha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var file in ExternalFiles.Prepend(Model))
        {
            if (!File.Exists(file))
            {
                continue;
            }

            using var stream = File.OpenRead(file);
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, n);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private enum Message
    {
        Model,
        Graph,
        Node,
        Attribute,
        Tensor,
        Entry,
    }

    // Field numbers from onnx.proto: ModelProto.graph 7; GraphProto.node 1, initializer 5; NodeProto.attribute 5;
    // AttributeProto.t 5, g 6, tensors 10, graphs 11; TensorProto.external_data 13; StringStringEntryProto key 1, value 2.
    private static void ReadMessage(Stream stream, long end, Message kind, int depth, SortedSet<string> locations)
    {
        if (depth > MaxGraphDepth)
        {
            throw new InvalidDataException("graphs nested too deep");
        }

        string? key = null;
        string? value = null;
        while (stream.Position < end)
        {
            var (field, wire) = ProtoWire.ReadTag(stream);
            var child = (kind, field, wire) switch
            {
                (Message.Model, 7, 2) => Message.Graph,
                (Message.Graph, 1, 2) => Message.Node,
                (Message.Graph, 5, 2) => Message.Tensor,
                (Message.Node, 5, 2) => Message.Attribute,
                (Message.Attribute, 5 or 10, 2) => Message.Tensor,
                (Message.Attribute, 6 or 11, 2) => Message.Graph,
                (Message.Tensor, 13, 2) => Message.Entry,
                _ => (Message?)null,
            };
            if (kind == Message.Entry && wire == 2 && field is 1 or 2)
            {
                var text = ProtoWire.ReadString(stream);
                (key, value) = field == 1 ? (text, value) : (key, text);
            }
            else if (child is { } inner)
            {
                var length = ProtoWire.ReadLength(stream);
                ReadMessage(stream, stream.Position + length, inner, depth + 1, locations);
            }
            else
            {
                ProtoWire.Skip(stream, wire);
            }
        }

        if (kind == Message.Entry && key == "location" && !string.IsNullOrEmpty(value))
        {
            locations.Add(value);
        }
    }
}
