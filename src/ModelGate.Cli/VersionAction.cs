using System.CommandLine;
using System.CommandLine.Invocation;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Cli;

/// <summary><c>--version</c>: ModelGate's version and the ONNX Runtime it would use (loaded, not assumed).</summary>
internal sealed class VersionAction(CliConsole console) : SynchronousCommandLineAction
{
    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        console.Out.WriteLine($"ModelGate {CliVersion.ModelGate}");
        try
        {
            using var runtime = OnnxRuntime.Open(RuntimeSetup.Options(console, null, DeviceRequest.Auto));
            console.Out.WriteLine($"ONNX Runtime {runtime.Version} {runtime.Build} build ({runtime.HowFound}: {runtime.LibraryPath})");
            console.Out.WriteLine($"Execution providers compiled in: {string.Join(", ", runtime.CompiledProviders)}");
            console.Out.WriteLine(runtime.Cuda.Ready ? $"CUDA: {runtime.Cuda.Reason}" : $"CUDA: not used: {runtime.Cuda.Reason}");
        }
        catch (Exception ex) when (ErrorCategories.TryClassify(ex, out _))
        {
            console.Out.WriteLine($"ONNX Runtime: not loadable: {ex.Message}");
        }

        return ExitCodes.Passed;
    }
}
