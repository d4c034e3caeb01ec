namespace ModelGate.Onnx.Sessions;

/// <summary>ONNX Runtime's graph optimisation level.</summary>
internal enum GraphOptimization
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

/// <summary>How to run one model: device, threads, graph optimisation, batch size and the time one batch may take.</summary>
internal sealed record SessionSettings
{
    /// <summary>The default rows per Run call: large enough that per-call overhead disappears, small enough for memory.</summary>
    public const int DefaultBatchSize = 8192;

    /// <summary>The environment variable the CLI reads the batch time budget from, in seconds (0: none).</summary>
    public const string BatchTimeBudgetVariable = "MODELGATE_BATCH_TIME_BUDGET";

    /// <summary>The default wall-clock budget for one Run call: generous for any tabular or image holdout batch on a CPU.</summary>
    public static readonly TimeSpan DefaultBatchTimeBudget = TimeSpan.FromMinutes(10);

    /// <summary>The device asked for (the runtime must have been opened for it: see <see cref="Runtime.OnnxRuntimeOptions.Device"/>).</summary>
    public DeviceRequest Device { get; init; } = DeviceRequest.Auto;

    /// <summary>
    /// How long one batch may run before ORT is told to stop (RunOptions.Terminate) and the run fails with an
    /// <see cref="Errors.OnnxLimitException"/>; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.
    /// </summary>
    public TimeSpan BatchTimeBudget { get; init; } = DefaultBatchTimeBudget;

    /// <summary>Intra-op threads; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Graph optimisation level.</summary>
    public GraphOptimization Optimization { get; init; } = GraphOptimization.All;

    /// <summary>Rows per Run call.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;
}
