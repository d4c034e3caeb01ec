using System.Text;

namespace ModelGate.Testing;

/// <summary>A fresh folder under the system temp directory (modelgate-&lt;purpose&gt;-&lt;guid&gt;), deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="purpose">A word in the folder's name, so a folder left behind says which tests made it.</param>
    public TempFolder(string purpose = "test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"modelgate-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path inside the folder (nothing is created).</summary>
    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes UTF-8 text (no byte-order mark) at a relative path, creating folders; returns the full path.</summary>
    public string Write(string relative, string text) => WriteBytes(relative, Utf8.GetBytes(text));

    /// <summary>Writes bytes at a relative path, creating folders; returns the full path.</summary>
    public string WriteBytes(string relative, byte[] bytes)
    {
        var path = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Copies a folder's files (recursively) into this folder, skipping the relative paths <paramref name="skip"/> accepts.</summary>
    public void CopyFrom(string source, Func<string, bool>? skip = null)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(source, file);
            if (skip?.Invoke(relative) == true)
            {
                continue;
            }

            var target = File(relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process a test started may still hold a file for a moment, or a case left a file where a folder
            // should be; the OS cleans temp eventually.
        }
    }
}
