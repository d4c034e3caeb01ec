namespace ModelGate.Policy.Model;

/// <summary>What reports may show beyond verdicts.</summary>
/// <param name="ShowColumns">Feature columns that may be shown next to flipped rows (others may be sensitive and stay hidden).</param>
/// <param name="MaxFlippedRows">How many flipped rows a report lists per safety set.</param>
/// <param name="Metrics">Headline metrics to show side by side; empty means the task's defaults.</param>
internal sealed record ReportOptions(IReadOnlyList<string> ShowColumns, int MaxFlippedRows, IReadOnlyList<string> Metrics)
{
    /// <summary><c>report.evidence</c>: the column shown as thumbnails or texts beside the worst rows; null when not set.</summary>
    public EvidenceOptions? Evidence { get; init; }
}
