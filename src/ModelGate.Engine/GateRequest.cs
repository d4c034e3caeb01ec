using ModelGate.Core.Limits;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;
using ModelGate.Policy;
using ModelGate.Reports;

namespace ModelGate.Engine;

/// <summary>Everything one run of the gate needs, decided by its caller (the CLI's flags and environment, a test, a benchmark).</summary>
internal sealed record GateRequest
{
    /// <summary>The policy file (absolute).</summary>
    public required string PolicyPath { get; init; }

    /// <summary>Where the policy's files may be, and the input limits it is loaded with.</summary>
    public PolicyLoadOptions PolicyOptions { get; init; } = PolicyLoadOptions.Default;

    /// <summary>Values that win over the policy's (models, data, seed, resamples, versions).</summary>
    public PolicyOverrides Overrides { get; init; } = new();

    /// <summary>The time the run is stamped with; its date decides which waivers still apply.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The folder report paths are shown relative to.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>How ONNX Runtime is opened (its log is sent to the run log's warnings).</summary>
    public OnnxRuntimeOptions Runtime { get; init; } = new() { BaseDirectory = AppContext.BaseDirectory };

    /// <summary>CPU, CUDA or the best available.</summary>
    public DeviceRequest Device { get; init; } = DeviceRequest.Auto;

    /// <summary>Rows per ONNX Runtime call as --batch-size gave it; null when not given (the policy's inputs decide: 64 for images, else 8,192).</summary>
    public int? BatchSize { get; init; }

    /// <summary>The longest one batch may take.</summary>
    public TimeSpan BatchTimeBudget { get; init; } = SessionSettings.DefaultBatchTimeBudget;

    /// <summary>Limits on the models and data read.</summary>
    public ResourceLimits Limits { get; init; } = ResourceLimits.Default;

    /// <summary>The report folder (absolute).</summary>
    public required string OutDir { get; init; }

    /// <summary>The report formats to write (md, json, junit, html, openmetrics).</summary>
    public IReadOnlySet<string> Formats { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "md", "json", "junit", "html" };

    /// <summary>Names this gate among several in one pull request.</summary>
    public string GateKey { get; init; } = "default";

    /// <summary>
    /// Score files per role ("candidate", "baseline") to gate instead of running the models (<c>check --scores</c>);
    /// null runs the models. Several files of one role are shards of one scoring.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Scores { get; init; }

    /// <summary>Repository, branch, pull request and commit, for the reports and monitoring.</summary>
    public RunIdentity Run { get; init; } = new();
}
