using ModelGate.Core.Errors;

namespace ModelGate.Reports.Files;

/// <summary>A report could not be written: names the path, what went wrong and the fix: the machine (a folder, a disk, a permission) is at fault, not the files.</summary>
internal sealed class ReportWriteException : ModelGateException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public ReportWriteException(string path, string problem, string fix, Exception? inner = null)
        : base($"{path}: cannot write the report: {problem}. Fix: {fix}", inner)
    {
        Path = path;
        Problem = problem;
        Fix = fix;
    }

    /// <summary>The report file that was not written.</summary>
    public string Path { get; }

    /// <summary>What went wrong.</summary>
    public string Problem { get; }

    /// <summary>What the user can do about it.</summary>
    public string Fix { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Environment;
}
