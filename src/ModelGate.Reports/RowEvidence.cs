using ModelGate.Core.Results;

namespace ModelGate.Reports;

/// <summary>
/// The rows behind the verdict, shown as people look at them (<c>report.evidence</c>): the worst negative flips and
/// the worst group's misclassified rows, each with the evidence column's value (an image path or a text).
/// </summary>
/// <param name="Kind">Image thumbnails or texts.</param>
/// <param name="Column">The holdout column shown.</param>
/// <param name="MaxChars">Characters of a text shown before the ellipsis.</param>
/// <param name="Lists">The lists, in the order shown; a list may be empty (then its note says why).</param>
internal sealed record RowEvidence(EvidenceKind Kind, string Column, int MaxChars, IReadOnlyList<EvidenceList> Lists)
{
    /// <summary>The HTML report as the user finds it, e.g. <c>modelgate-report/report.html</c>; null when none is written.</summary>
    public string? HtmlFile { get; init; }

    /// <summary>The CI run whose artifacts hold the HTML report (GitHub Actions), linked from the PR comment; null elsewhere.</summary>
    public string? RunUrl { get; init; }

    /// <summary>Rows over all lists.</summary>
    public int RowCount => Lists.Sum(l => l.Rows.Count);
}

/// <summary>One list of evidence rows, e.g. "Worst negative flips".</summary>
/// <param name="Title">The list's heading.</param>
/// <param name="Note">How the rows were chosen (or why there are none).</param>
/// <param name="Rows">Worst first.</param>
internal sealed record EvidenceList(string Title, string Note, IReadOnlyList<EvidenceRow> Rows);

/// <summary>A row shown with its evidence.</summary>
/// <param name="RowId">The row id (or 1-based row number).</param>
/// <param name="Label">The true class.</param>
/// <param name="Candidate">The candidate's answer.</param>
/// <param name="Baseline">The baseline's answer; null without a baseline.</param>
/// <param name="Value">The evidence column's value: the image path as written, or the whole text.</param>
internal sealed record EvidenceRow(string RowId, string Label, EvidencePrediction Candidate, EvidencePrediction? Baseline, string Value)
{
    /// <summary>The thumbnail, or why there is none; null for text evidence.</summary>
    public EvidenceImage? Image { get; init; }
}

/// <summary>A model's predicted class and its probability.</summary>
internal sealed record EvidencePrediction(string Class, double Confidence);

/// <summary>A thumbnail as PNG bytes, or the reason it is unavailable (a bad image never fails the gate or loses the report).</summary>
/// <param name="Png">The PNG; null when unavailable.</param>
/// <param name="Width">Width in pixels (0 when unavailable).</param>
/// <param name="Height">Height in pixels (0 when unavailable).</param>
/// <param name="Unavailable">Why there is no thumbnail, e.g. "the image images/7.png does not exist"; null when there is one.</param>
internal sealed record EvidenceImage(byte[]? Png, int Width, int Height, string? Unavailable)
{
    /// <summary>A thumbnail.</summary>
    public static EvidenceImage Of(byte[] png, int width, int height) => new(png, width, height, null);

    /// <summary>No thumbnail, and why.</summary>
    public static EvidenceImage Missing(string reason) => new(null, 0, 0, reason);
}
