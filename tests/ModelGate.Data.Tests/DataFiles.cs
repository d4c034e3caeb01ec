using System.IO.Compression;
using System.Text;

namespace ModelGate.Data.Tests;

/// <summary>The Data tests' own inputs: the committed datasets, and gzip-compressed temp files.</summary>
internal static class DataFiles
{
    /// <summary>tests/ModelGate.Data.Tests/datasets.</summary>
    public static string Datasets => RepoPaths.Path("tests", "ModelGate.Data.Tests", "datasets");

    /// <summary>Writes <paramref name="content"/> gzip-compressed; returns the full path.</summary>
    public static string WriteGzip(this TempFolder folder, string name, string content) => folder.WriteBytes(name, Compress(Encoding.UTF8.GetBytes(content)));

    public static byte[] Compress(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
