using ModelGate.Core.Errors;

namespace ModelGate.Onnx.Errors;

/// <summary>Which configured limit a run reached.</summary>
internal enum OnnxLimit
{
    /// <summary>The wall-clock budget for one batch (<c>SessionSettings.BatchTimeBudget</c>).</summary>
    BatchTime,

    /// <summary>The ceiling on ONNX Runtime's CPU memory arena (<c>OnnxRuntimeOptions.CpuArenaLimitBytes</c>).</summary>
    CpuMemory,
}

/// <summary>A run was stopped by a limit set for this machine, not by a fault in the model or data.</summary>
internal sealed class OnnxLimitException : OnnxException
{
    /// <summary>Creates the error.</summary>
    public OnnxLimitException(OnnxLimit limit, string message, string fix, Exception? inner = null)
        : base(message, fix, inner)
    {
        Limit = limit;
    }

    /// <summary>The limit reached.</summary>
    public OnnxLimit Limit { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.RunLimit;
}
