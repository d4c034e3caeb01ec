using ModelGate.Onnx.Gpu;
using ModelGate.Onnx.Runtime;

namespace ModelGate.Onnx.Tests.Support;

/// <summary>
/// One ONNX Runtime for the test process, as the CLI would hold one; log lines are collected for assertions. Its CUDA
/// probe looks only in an empty NuGet folder, so what the developer's cache holds never changes a test.
/// </summary>
public sealed class SharedRuntime : IDisposable
{
    private readonly List<(OnnxLogLevel Level, string Line)> _log = [];

    public SharedRuntime()
    {
        Runtime = OnnxRuntime.Open(new OnnxRuntimeOptions
        {
            ReadEnvironmentVariable = false,
            UseSystemLoader = false,
            CudaProbe = NoCuda,
            Log = (level, line) =>
            {
                lock (_log)
                {
                    _log.Add((level, line));
                }
            },
        });
    }

    /// <summary>A probe that finds nothing: an empty NuGet folder and no system loader.</summary>
    internal static CudaProbeOptions NoCuda { get; } = new()
    {
        NuGetPackagesFolder = Directory.CreateTempSubdirectory("modelgate-nuget-").FullName,
        UseSystemLoader = false,
    };

    internal OnnxRuntime Runtime { get; }

    internal IReadOnlyList<(OnnxLogLevel Level, string Line)> LogLines
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    public void Dispose() => Runtime.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SharedRuntimeGroup : ICollectionFixture<SharedRuntime>
{
    public const string Name = "ONNX Runtime";
}
