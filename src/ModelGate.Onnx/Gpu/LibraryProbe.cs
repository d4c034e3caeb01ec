using System.Runtime.InteropServices;

namespace ModelGate.Onnx.Gpu;

/// <summary>What looking for one shared library found: its handle and where, or every place tried.</summary>
internal sealed record ProbedLibrary(string Name, nint Handle, string? FoundAt, IReadOnlyList<string> Tried)
{
    public bool Found => Handle != 0;
}

/// <summary>
/// Loads a library the way ORT's CUDA provider will need it: from the named folders by full path, then by name through
/// the system loader. Loaded libraries stay loaded, so the provider's own lookup by soname finds the same copy.
/// </summary>
internal static class LibraryProbe
{
    public static ProbedLibrary Load(string name, CudaProbeOptions options)
    {
        var tried = new List<string>();
        foreach (var folder in options.LibraryFolders)
        {
            var path = Path.Combine(Path.GetFullPath(folder), name);
            if (!File.Exists(path))
            {
                tried.Add(path);
                continue;
            }

            if (NativeLibrary.TryLoad(path, out var handle))
            {
                return new ProbedLibrary(name, handle, path, tried);
            }

            tried.Add(path + " (present but did not load)");
        }

        if (options.UseSystemLoader)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                return new ProbedLibrary(name, handle, "system loader", tried);
            }

            tried.Add(OperatingSystem.IsWindows() ? "PATH" : "the system loader (LD_LIBRARY_PATH, ldconfig)");
        }

        return new ProbedLibrary(name, 0, null, tried);
    }
}
