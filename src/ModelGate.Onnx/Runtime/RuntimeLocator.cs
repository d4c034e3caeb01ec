using System.Runtime.InteropServices;
using ModelGate.Onnx.Errors;

namespace ModelGate.Onnx.Runtime;

/// <summary>Where the library was loaded from, and how it was found.</summary>
internal sealed record RuntimeLocation(nint Handle, string Path, string HowFound);

/// <summary>
/// Finds and loads ONNX Runtime: an explicit path (option, then environment variable), then the tool's own
/// runtimes/&lt;rid&gt;/native/, then the system loader. An explicit path that fails is an error, not a fallthrough,
/// so a typo never silently runs a different ONNX Runtime.
/// </summary>
internal static class RuntimeLocator
{
    public static RuntimeLocation Load(OnnxRuntimeOptions options)
    {
        var explicitPath = options.LibraryPath;
        var source = "--onnxruntime";
        if (string.IsNullOrWhiteSpace(explicitPath) && options.ReadEnvironmentVariable)
        {
            explicitPath = Environment.GetEnvironmentVariable(OnnxRuntimeOptions.EnvironmentVariable);
            source = OnnxRuntimeOptions.EnvironmentVariable;
        }

        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return LoadExplicit(Path.GetFullPath(explicitPath), source);
        }

        var tried = new List<string>();
        var baseDirectory = options.BaseDirectory ?? AppContext.BaseDirectory;
        var bundled = Path.Combine(baseDirectory, "runtimes", NativeLibraryNames.Rid, "native", NativeLibraryNames.OnnxRuntimeFile);
        if (File.Exists(bundled))
        {
            return new RuntimeLocation(LoadFile(bundled, "the bundled copy"), bundled, "bundled with ModelGate (runtimes/" + NativeLibraryNames.Rid + "/native)");
        }

        tried.Add(bundled + " (not there)");
        if (options.UseSystemLoader)
        {
            foreach (var name in NativeLibraryNames.OnnxRuntimeFiles)
            {
                if (NativeLibrary.TryLoad(name, out var handle))
                {
                    return new RuntimeLocation(handle, name, "system loader");
                }

                tried.Add($"system loader '{name}' (not found)");
            }
        }

        throw new OnnxRuntimeUnavailableException(
            $"ONNX Runtime could not be found. Looked in: {string.Join("; ", tried)}.",
            $"pass --onnxruntime <path to {NativeLibraryNames.OnnxRuntimeFile} or its folder>, or set {OnnxRuntimeOptions.EnvironmentVariable}, or reinstall ModelGate so runtimes/{NativeLibraryNames.Rid}/native/ is present.");
    }

    private static RuntimeLocation LoadExplicit(string path, string source)
    {
        var file = path;
        if (Directory.Exists(path))
        {
            file = NativeLibraryNames.OnnxRuntimeFiles.Select(n => Path.Combine(path, n)).FirstOrDefault(File.Exists)
                ?? throw new OnnxRuntimeUnavailableException(
                    $"{source} names the folder {path}, which holds no ONNX Runtime library ({string.Join(" or ", NativeLibraryNames.OnnxRuntimeFiles)}).",
                    $"point {source} at the folder that holds {NativeLibraryNames.OnnxRuntimeFile}, or at the file itself.");
        }
        else if (!File.Exists(path))
        {
            throw new OnnxRuntimeUnavailableException(
                $"{source} names {path}, which does not exist.",
                $"point {source} at {NativeLibraryNames.OnnxRuntimeFile} or the folder holding it, or leave it unset to use the copy bundled with ModelGate.");
        }

        return new RuntimeLocation(LoadFile(file, source), file, $"explicit path ({source})");
    }

    private static nint LoadFile(string file, string source)
    {
        try
        {
            return NativeLibrary.Load(file);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
        {
            throw new OnnxRuntimeUnavailableException(
                $"ONNX Runtime at {file} ({source}) could not be loaded: {ex.Message}",
                $"check that the file is an ONNX Runtime library built for {NativeLibraryNames.Rid} and that its dependencies are installed.",
                ex);
        }
    }
}
