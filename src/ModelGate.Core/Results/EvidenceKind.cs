namespace ModelGate.Core.Results;

/// <summary>What the evidence column of a holdout holds: how the reports show the rows behind a verdict.</summary>
internal enum EvidenceKind
{
    /// <summary>Image paths, relative to the holdout file: shown as thumbnails in the HTML report.</summary>
    Image,

    /// <summary>Text: shown escaped and truncated.</summary>
    Text,
}
