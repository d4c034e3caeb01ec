namespace ModelGate.Cli;

/// <summary>
/// The process exit codes, documented in the README. "The gate failed" is never confused with
/// "the tool could not judge": a pipeline can block a deploy on 1 and page someone on 2-4.
/// Which error gets which of 2-4 is decided in one place, <see cref="ErrorCategories.ExitCodeFor"/>.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The gate passed.</summary>
    public const int Passed = 0;

    /// <summary>The gate failed: at least one blocking check failed (or was inconclusive where so configured).</summary>
    public const int GateFailed = 1;

    /// <summary>A usage or policy error: bad flags, an invalid modelgate.yml (<c>ErrorCategory.Usage</c>, <c>Policy</c>).</summary>
    public const int UsageOrPolicyError = 2;

    /// <summary>An input data or model error: unreadable holdout, model/data mismatch, a model that fails inside ONNX Runtime, an input over a <c>--limit</c> (<c>ErrorCategory.InputData</c>, <c>Model</c>, <c>InputLimit</c>).</summary>
    public const int InputError = 3;

    /// <summary>A runtime or environment error: ONNX Runtime could not load, CUDA unavailable, a report folder not writable, a run stopped by a time or memory limit, a failed publish (<c>ErrorCategory.Environment</c>, <c>RunLimit</c>, <c>Publishing</c>).</summary>
    public const int EnvironmentError = 4;

    /// <summary>Interrupted (Ctrl-C / SIGTERM); temporary files were cleaned up.</summary>
    public const int Interrupted = 130;
}
