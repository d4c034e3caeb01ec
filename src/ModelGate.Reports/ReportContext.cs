namespace ModelGate.Reports;

/// <summary>
/// Everything a report shows that is not in the <see cref="Core.Results.GateResult"/>: which gate this is,
/// where its inputs came from, the clock, and the extra evidence (feature values, ROC points) the caller may supply.
/// </summary>
internal sealed record ReportContext
{
    /// <summary>Identifies the gate across runs; written as the hidden marker <c>&lt;!-- modelgate:KEY --&gt;</c> the PR comment is found by.</summary>
    public required string GateKey { get; init; }

    /// <summary>When the report was generated (from an injected clock, so tests are byte-stable).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The policy file as the user named it, e.g. <c>modelgate.yml</c>.</summary>
    public string? PolicyPath { get; init; }

    /// <summary>Hashes, versions, device: what makes the verdict reproducible.</summary>
    public Provenance? Provenance { get; init; }

    /// <summary>Feature values of flipped rows, limited to the columns the policy allows in reports.</summary>
    public IReadOnlyList<RowFeatures> FlippedRows { get; init; } = [];

    /// <summary>Where the untruncated report lives, e.g. "the job summary and the `modelgate-report` artifact".</summary>
    public string? FullReportLocation { get; init; }

    /// <summary>Images or texts of the worst rows (<c>report.evidence</c>); null when the policy names no evidence column.</summary>
    public RowEvidence? Evidence { get; init; }

    /// <summary>ROC curves for the HTML charts (binary, or one-vs-rest per class); empty when not computed.</summary>
    public IReadOnlyList<RocCurve> RocCurves { get; init; } = [];

    /// <summary>Repository, branch or pull request and commit of the run (monitoring labels); all unknown by default.</summary>
    public RunIdentity Run { get; init; } = new();

    /// <summary>Seconds the run took up to judging (measured by the caller, fixed in tests); null when not measured.</summary>
    public double? DurationSeconds { get; init; }
}
