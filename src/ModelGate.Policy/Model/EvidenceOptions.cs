using ModelGate.Core.Results;

namespace ModelGate.Policy.Model;

/// <summary><c>report.evidence</c>: a holdout column whose values the reports show for the worst flips and worst-group rows.</summary>
/// <param name="Column">The holdout column (image paths or text).</param>
/// <param name="Kind">How its values are shown.</param>
internal sealed record EvidenceOptions(string Column, EvidenceKind Kind)
{
    /// <summary>Default of <see cref="Rows"/>.</summary>
    public const int DefaultRows = 12;

    /// <summary>Largest <see cref="Rows"/>: the HTML report embeds every thumbnail, so the page stays small.</summary>
    public const int MaxRows = 100;

    /// <summary>Default of <see cref="Thumbnail"/>.</summary>
    public const int DefaultThumbnail = 96;

    /// <summary>Smallest and largest <see cref="Thumbnail"/>, in pixels.</summary>
    public const int MinThumbnail = 16, MaxThumbnail = 512;

    /// <summary>Default of <see cref="MaxChars"/>.</summary>
    public const int DefaultMaxChars = 280;

    /// <summary>Smallest and largest <see cref="MaxChars"/>.</summary>
    public const int MinMaxChars = 10, MaxMaxChars = 10_000;

    /// <summary>Rows shown at most in each list (worst negative flips; worst group's misclassified rows).</summary>
    public int Rows { get; init; } = DefaultRows;

    /// <summary>The longer side of a thumbnail, in pixels.</summary>
    public int Thumbnail { get; init; } = DefaultThumbnail;

    /// <summary>Characters of a text shown before it is cut with an ellipsis.</summary>
    public int MaxChars { get; init; } = DefaultMaxChars;
}
