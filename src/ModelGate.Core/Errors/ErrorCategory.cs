namespace ModelGate.Core.Errors;

/// <summary>
/// What kind of problem stopped a run, as the library that found it knows it. Libraries say only this; the CLI's
/// one table (<c>ModelGate.Cli.ErrorCategories</c>) turns a category into an exit code.
/// </summary>
internal enum ErrorCategory
{
    /// <summary>How the tool was called: a bad flag value, a missing policy file, a GitHub setting that cannot be right.</summary>
    Usage,

    /// <summary>The policy cannot be used: invalid <c>modelgate.yml</c>, a <c>where</c> expression that does not parse.</summary>
    Policy,

    /// <summary>
    /// The input data does not fit: an unreadable holdout, a value that is not what its column needs, an input mapping
    /// or a safety set the holdout cannot satisfy.
    /// </summary>
    InputData,

    /// <summary>The model is wrong for the run: a missing or non-ONNX file, an unusable output, a model that fails inside ONNX Runtime.</summary>
    Model,

    /// <summary>An input is larger than a resource limit allows (<c>--limit</c>): a model file, a line, a policy's rows file.</summary>
    InputLimit,

    /// <summary>The run was stopped by a limit of this machine, not by a fault in the files: the per-batch time budget, the memory ceiling, <c>--timeout</c>.</summary>
    RunLimit,

    /// <summary>The machine cannot do the run: ONNX Runtime cannot load, the device asked for is unavailable, a report cannot be written.</summary>
    Environment,

    /// <summary>Publishing the result failed after the verdict was known: the GitHub API, a required metrics push.</summary>
    Publishing,
}
