using System.IO.Compression;
using System.Text;

namespace ModelGate.Data.Tests;

/// <summary>A temporary folder of test inputs, deleted at the end of the test.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "modelgate-data-" + Guid.NewGuid().ToString("N"));

    public TempFiles() => Directory.CreateDirectory(folder);

    public string Folder => folder;

    public string Text(string name, string content) => Bytes(name, Encoding.UTF8.GetBytes(content));

    public string Bytes(string name, byte[] content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Gzip(string name, string content) => Bytes(name, Compress(Encoding.UTF8.GetBytes(content)));

    public static byte[] Compress(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
