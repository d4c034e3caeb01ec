namespace ModelGate.Reports.Files;

/// <summary>What <see cref="ReportWriter.WriteAll"/> managed: the files written and, separately, the ones that failed.</summary>
internal sealed record ReportWriteOutcome(IReadOnlyList<string> Written, IReadOnlyList<ReportWriteException> Failures)
{
    /// <summary>True when every file was written.</summary>
    public bool Succeeded => Failures.Count == 0;
}
