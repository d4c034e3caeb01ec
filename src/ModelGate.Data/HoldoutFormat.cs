namespace ModelGate.Data;

/// <summary>The layout of a holdout file; gzip compression of the text formats is orthogonal and detected from the name.</summary>
internal enum HoldoutFormat
{
    /// <summary>Comma-separated values with a header line (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>Tab-separated values with a header line (RFC 4180 quoting).</summary>
    Tsv,

    /// <summary>One JSON object per line; the first line's keys are the columns.</summary>
    Jsonl,

    /// <summary>Apache Parquet: typed columns in row groups, read column by column (never gzip-wrapped; its pages carry their own codec).</summary>
    Parquet,
}
