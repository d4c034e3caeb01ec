using System.CommandLine;
using ModelGate.Cli.Gpu;
using ModelGate.Onnx.Gpu;

namespace ModelGate.Cli.Commands;

/// <summary><c>modelgate gpu install|status</c>: set up the CUDA build of ONNX Runtime, and say what CUDA pieces are found.</summary>
internal static class GpuCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var gpu = new Command("gpu", "Set up and check the GPU (CUDA) build of ONNX Runtime.\n\n" +
            "Examples:\n  dotnet modelgate gpu install\n  dotnet modelgate gpu status");
        gpu.Subcommands.Add(Install(console));
        gpu.Subcommands.Add(Status(console));
        return gpu;
    }

    private static Command Install(CliConsole console)
    {
        var source = new Option<string?>("--source") { Description = "A NuGet feed (URL or folder) to restore from instead of the configured ones." };
        var command = new Command("install", $"Restore {GpuBuild.PackageId ?? "the CUDA build"} {GpuBuild.Version} into the NuGet packages folder (NUGET_PACKAGES or ~/.nuget/packages); does nothing when it is there.\n\n" +
            "Example:\n  dotnet modelgate gpu install")
        {
            source,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var (folder, downloaded) = await GpuInstaller.InstallAsync(console, parse.GetValue(source),
                line => console.Error.WriteLine($"modelgate: {line}"), cancellation).ConfigureAwait(false);
            console.Out.WriteLine(downloaded ? $"installed: {folder}" : $"already installed: {folder}");
            return ExitCodes.Passed;
        });
        return command;
    }

    private static Command Status(CliConsole console)
    {
        var command = new Command("status", "Show whether the CUDA build, toolkit, cuDNN, driver and a device are found; exit 0 when ready, 4 when not.\n\n" +
            "Example:\n  dotnet modelgate gpu status");
        command.SetAction(_ =>
        {
            var probe = RuntimeSetup.Probe(console);
            var status = CudaReadiness.Check(probe);
            foreach (var line in GpuStatusText.Lines(status, probe.PackagesFolder))
            {
                console.Out.WriteLine(line);
            }

            return status.Ready ? ExitCodes.Passed : ExitCodes.EnvironmentError;
        });
        return command;
    }
}
