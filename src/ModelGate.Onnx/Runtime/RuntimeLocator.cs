using System.Runtime.InteropServices;
using ModelGate.Onnx.Errors;

namespace ModelGate.Onnx.Runtime;

/// <summary>Where the library is, how it was found, and whether the user named it.</summary>
internal sealed record RuntimeLocation(string Path, string HowFound, bool IsExplicit, bool IsBundled = false);

/// <summary>
/// Finds ONNX Runtime: an explicit path (option, then environment variable), then the copy from the
/// Microsoft.ML.OnnxRuntime package beside the application (runtimes/&lt;rid&gt;/native/, or the folder itself in a
/// RID-specific package), then the system loader. An explicit path that fails is an error, not a fallthrough, so a
/// typo never silently runs a different ONNX Runtime. Nothing is loaded here.
/// </summary>
internal static class RuntimeLocator
{
    public static RuntimeLocation? FindExplicit(OnnxRuntimeOptions options)
    {
        var explicitPath = options.LibraryPath;
        var source = "--onnxruntime";
        if (string.IsNullOrWhiteSpace(explicitPath) && options.ReadEnvironmentVariable)
        {
            explicitPath = Environment.GetEnvironmentVariable(OnnxRuntimeOptions.EnvironmentVariable);
            source = OnnxRuntimeOptions.EnvironmentVariable;
        }

        return string.IsNullOrWhiteSpace(explicitPath) ? null : Explicit(Path.GetFullPath(explicitPath), source);
    }

    public static RuntimeLocation FindBundled(OnnxRuntimeOptions options)
    {
        var baseDirectory = options.BaseDirectory ?? AppContext.BaseDirectory;
        var tried = new List<string>();
        foreach (var folder in new[] { Path.Combine(baseDirectory, "runtimes", NativeLibraryNames.Rid, "native"), baseDirectory })
        {
            var file = Path.Combine(folder, NativeLibraryNames.OnnxRuntimeFile);
            if (File.Exists(file))
            {
                var where = folder == baseDirectory ? "beside the tool" : Path.GetRelativePath(baseDirectory, folder);
                return new RuntimeLocation(file, $"bundled with ModelGate ({where})", false, true);
            }

            tried.Add(file + " (not there)");
        }

        if (options.UseSystemLoader)
        {
            foreach (var name in NativeLibraryNames.OnnxRuntimeFiles)
            {
                if (NativeLibrary.TryLoad(name, out _))
                {
                    return new RuntimeLocation(name, "system loader", false);
                }

                tried.Add($"system loader '{name}' (not found)");
            }
        }

        throw new OnnxRuntimeUnavailableException(
            $"ONNX Runtime could not be found. Looked in: {string.Join("; ", tried)}.",
            $"pass --onnxruntime <path to {NativeLibraryNames.OnnxRuntimeFile} or its folder>, or set {OnnxRuntimeOptions.EnvironmentVariable}, or reinstall ModelGate so runtimes/{NativeLibraryNames.Rid}/native/ is present.");
    }

    private static RuntimeLocation Explicit(string path, string source)
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

        return new RuntimeLocation(file, $"explicit path ({source})", true);
    }
}
