namespace ModelGate.Onnx.Sessions;

/// <summary>ONNX Runtime's graph optimisation level.</summary>
public enum GraphOptimization
{
    /// <summary>No graph optimisation.</summary>
    Disabled = 0,

    /// <summary>Basic (constant folding, redundant node removal).</summary>
    Basic = 1,

    /// <summary>Extended (node fusions).</summary>
    Extended = 2,

    /// <summary>Everything, including layout optimisations (ORT's default).</summary>
    All = 99,
}

/// <summary>How to run one model: device, threads, graph optimisation and batch size.</summary>
public sealed record SessionSettings
{
    /// <summary>The default rows per Run call: large enough that per-call overhead disappears, small enough for memory.</summary>
    public const int DefaultBatchSize = 8192;

    /// <summary>The device asked for.</summary>
    public DeviceRequest Device { get; init; } = DeviceRequest.Auto;

    /// <summary>A folder holding the CUDA provider libraries, named by the user (in addition to the default places).</summary>
    public string? CudaLibraryFolder { get; init; }

    /// <summary>Intra-op threads; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Graph optimisation level.</summary>
    public GraphOptimization Optimization { get; init; } = GraphOptimization.All;

    /// <summary>Rows per Run call.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>The NuGet packages folder searched for Microsoft.ML.OnnxRuntime.Gpu.Linux; defaults to NUGET_PACKAGES or ~/.nuget/packages.</summary>
    public string? NuGetPackagesFolder { get; init; }
}
