namespace ModelGate.Onnx.Gpu;

/// <summary>Where the CUDA toolkit, cuDNN and driver libraries are looked for (tests point this at stub libraries).</summary>
internal sealed record CudaProbeOptions
{
    /// <summary>Folders tried first, by full path (e.g. a CUDA toolkit's lib64 not on the loader's path).</summary>
    public IReadOnlyList<string> LibraryFolders { get; init; } = [];

    /// <summary>Whether the system loader (LD_LIBRARY_PATH, ldconfig, PATH) is tried after the folders.</summary>
    public bool UseSystemLoader { get; init; } = true;

    /// <summary>The NuGet packages folder searched for the CUDA build; null: NUGET_PACKAGES, else ~/.nuget/packages.</summary>
    public string? NuGetPackagesFolder { get; init; }

    /// <summary>The folder the CUDA build is looked for in (NuGetPackagesFolder, NUGET_PACKAGES or ~/.nuget/packages).</summary>
    public string PackagesFolder =>
        NuGetPackagesFolder
        ?? Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
