using ModelGate.Onnx.Runtime;

namespace ModelGate.Onnx.Sessions;

/// <summary>Where the CUDA provider libraries were looked for and found.</summary>
internal sealed record CudaSearchResult(bool BesideRuntime, string RuntimeFolder, string? FoundElsewhere, IReadOnlyList<string> Looked);

/// <summary>
/// Looks for the CUDA execution provider's libraries beside the loaded ONNX Runtime, in a folder the user named,
/// and in the NuGet cache of Microsoft.ML.OnnxRuntime.Gpu.Linux. ONNX Runtime itself loads them only from its own
/// folder, so a copy found elsewhere is reported with the --onnxruntime value that would use it.
/// </summary>
internal static class CudaProviderSearch
{
    private const string GpuPackage = "microsoft.ml.onnxruntime.gpu.linux";

    public static CudaSearchResult Find(string runtimeLibraryPath, string ortVersion, SessionSettings settings)
    {
        var runtimeFolder = Path.IsPathRooted(runtimeLibraryPath) ? Path.GetDirectoryName(runtimeLibraryPath) ?? string.Empty : string.Empty;
        var looked = new List<string>();
        if (runtimeFolder.Length > 0)
        {
            looked.Add($"beside ONNX Runtime ({runtimeFolder})");
            if (HasProviders(runtimeFolder))
            {
                return new CudaSearchResult(true, runtimeFolder, null, looked);
            }
        }
        else
        {
            looked.Add($"beside ONNX Runtime (loaded by name '{runtimeLibraryPath}', folder unknown)");
        }

        foreach (var folder in OtherFolders(ortVersion, settings))
        {
            looked.Add(folder);
            if (HasProviders(folder))
            {
                return new CudaSearchResult(false, runtimeFolder, folder, looked);
            }
        }

        return new CudaSearchResult(false, runtimeFolder, null, looked);
    }

    private static bool HasProviders(string folder) =>
        NativeLibraryNames.CudaProviderFiles.All(f => File.Exists(Path.Combine(folder, f)));

    private static IEnumerable<string> OtherFolders(string ortVersion, SessionSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.CudaLibraryFolder))
        {
            yield return Path.GetFullPath(settings.CudaLibraryFolder);
        }

        var packages = settings.NuGetPackagesFolder
            ?? Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var package = Path.Combine(packages, GpuPackage);
        var native = Path.Combine("runtimes", NativeLibraryNames.Rid, "native");
        yield return Path.Combine(package, ortVersion, native);
        if (Directory.Exists(package))
        {
            foreach (var version in Directory.GetDirectories(package).OrderDescending(StringComparer.Ordinal))
            {
                if (!string.Equals(Path.GetFileName(version), ortVersion, StringComparison.Ordinal))
                {
                    yield return Path.Combine(version, native);
                }
            }
        }
    }
}
