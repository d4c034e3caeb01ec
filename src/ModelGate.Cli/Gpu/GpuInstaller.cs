using System.Diagnostics;
using System.Globalization;
using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Gpu;

namespace ModelGate.Cli.Gpu;

/// <summary>
/// Puts the CUDA build of ONNX Runtime where ModelGate looks for it: restores Microsoft.ML.OnnxRuntime.Gpu.Linux (or
/// .Windows) at the version ModelGate was built for into the NuGet packages folder, with NuGet's own client (a
/// throwaway project with one PackageDownload), so proxies, credentials and mirrors in nuget.config apply as usual.
/// Does nothing when the build is already there.
/// </summary>
internal static class GpuInstaller
{
    /// <summary>The restored native folder; <paramref name="progress"/> gets one line before a download.</summary>
    public static async Task<(string Folder, bool Downloaded)> InstallAsync(CliConsole console, string? source, Action<string> progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(progress);
        var packageId = GpuBuild.PackageId
            ?? throw new OnnxRuntimeUnavailableException("ONNX Runtime publishes no CUDA build for this operating system.", "run with --device cpu.");
        var packages = RuntimeSetup.Probe(console).PackagesFolder;
        if (GpuBuild.Find(packages) is { } existing)
        {
            return (existing, false);
        }

        progress($"restoring {packageId} {GpuBuild.Version} into {packages} (about 250 MB, once) ...");
        var project = Directory.CreateTempSubdirectory("modelgate-gpu-install-");
        try
        {
            var file = Path.Combine(project.FullName, "gpu-install.csproj");
            await File.WriteAllTextAsync(file, ProjectText(packageId), cancellation).ConfigureAwait(false);
            var (exit, lastError) = await RestoreAsync(console, file, packages, source, cancellation).ConfigureAwait(false);
            return GpuBuild.Find(packages) is { } folder
                ? (folder, true)
                : throw new OnnxRuntimeUnavailableException(
                    string.Create(CultureInfo.InvariantCulture, $"restoring {packageId} {GpuBuild.Version} into {packages} failed (dotnet restore exit {exit}): {lastError}"),
                    $"check access to the package feed (nuget.org or your nuget.config; HTTPS_PROXY), or pass --source with a feed that has {packageId} {GpuBuild.Version}.");
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }

    private static string ProjectText(string packageId) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
          </PropertyGroup>
          <ItemGroup>
            <PackageDownload Include="{packageId}" Version="[{GpuBuild.Version}]" />
          </ItemGroup>
        </Project>
        """;

    private static async Task<(int Exit, string LastError)> RestoreAsync(CliConsole console, string project, string packages, string? source, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(console.Env("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var arg in new[] { "restore", project, "--packages", packages, "-v", "q", "--nologo" })
        {
            start.ArgumentList.Add(arg);
        }

        if (source is not null)
        {
            start.ArgumentList.Add("--source");
            start.ArgumentList.Add(source);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)
            ?? throw new OnnxRuntimeUnavailableException("could not start 'dotnet restore'.", "install the .NET SDK (it brings NuGet's client), or put dotnet on PATH.");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation).ConfigureAwait(false);
        var lines = ((await output.ConfigureAwait(false)) + "\n" + (await errors.ConfigureAwait(false)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var last = lines.LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? lines.LastOrDefault() ?? "no output";
        return (process.ExitCode, last.Replace(project, "the restore project", StringComparison.Ordinal));
    }
}
