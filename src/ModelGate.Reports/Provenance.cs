namespace ModelGate.Reports;

/// <summary>What a run was made of, so anyone can reproduce the verdict byte for byte.</summary>
internal sealed record Provenance
{
    /// <summary>The models, candidate first.</summary>
    public IReadOnlyList<ModelFingerprint> Models { get; init; } = [];

    /// <summary>The data files, holdout first.</summary>
    public IReadOnlyList<DataFingerprint> Data { get; init; } = [];

    /// <summary>SHA-256 (hex) of the policy file as read, after <c>extends</c> was resolved.</summary>
    public string? PolicySha256 { get; init; }

    /// <summary>The ModelGate version that judged the run.</summary>
    public required string ModelGateVersion { get; init; }

    /// <summary>The ONNX Runtime version that ran the models.</summary>
    public string? OnnxRuntimeVersion { get; init; }

    /// <summary>The device the models ran on, e.g. "CPU (AMD EPYC 7B13, 2 cores)".</summary>
    public string? Device { get; init; }

    /// <summary>The ONNX Runtime execution provider, e.g. "CPUExecutionProvider".</summary>
    public string? ExecutionProvider { get; init; }

    /// <summary>Which ONNX Runtime build ran the models: "CPU" or "CUDA"; null when not recorded.</summary>
    public string? OnnxRuntimeBuild { get; init; }

    /// <summary>The ONNX Runtime library: "bundled" for ModelGate's own copy, else its path; null when not recorded.</summary>
    public string? OnnxRuntimeLibrary { get; init; }

    /// <summary>The GPU's name as the driver reports it, e.g. "NVIDIA H100 80GB HBM3"; null on the CPU.</summary>
    public string? DeviceName { get; init; }

    /// <summary>The GPU's total memory in bytes; null on the CPU.</summary>
    public long? DeviceMemoryBytes { get; init; }

    /// <summary>The text columns tokenized for the models (<c>data.text</c>), with their truncation counts; empty without text inputs.</summary>
    public IReadOnlyList<TextTruncation> Texts { get; init; } = [];
}

/// <summary>One model file: its role ("candidate" or "baseline"), path, SHA-256, size and, when known, its version.</summary>
/// <param name="Role">"candidate" or "baseline".</param>
/// <param name="Path">The path as shown in reports.</param>
/// <param name="Sha256">SHA-256 of the file, lower-case hex.</param>
/// <param name="Bytes">File size.</param>
/// <param name="Version">The model's version from a flag or the ONNX metadata; null when neither says.</param>
internal sealed record ModelFingerprint(string Role, string Path, string Sha256, long Bytes, string? Version = null);

/// <summary>One data file: its role ("holdout" or "train"), path, SHA-256 and the rows read from it.</summary>
internal sealed record DataFingerprint(string Role, string Path, string Sha256, long Rows);

/// <summary>One flipped row's id and the feature values the policy allows a report to show.</summary>
internal sealed record RowFeatures(string RowId, IReadOnlyList<FeatureValue> Values);

/// <summary>A column name and the row's value as text.</summary>
internal sealed record FeatureValue(string Column, string Value);

/// <summary>A ROC curve of one model: points ordered by false positive rate, and the area under it when known.</summary>
/// <param name="Model">"candidate" or "baseline".</param>
/// <param name="Label">What the curve is for: "positive class", or a class name for one-vs-rest.</param>
/// <param name="Points">(false positive rate, true positive rate) pairs from (0,0) to (1,1).</param>
/// <param name="Auc">The area under the curve, when the caller computed it.</param>
internal sealed record RocCurve(string Model, string Label, IReadOnlyList<RocPoint> Points, double? Auc = null);

/// <summary>One point of a ROC curve.</summary>
internal sealed record RocPoint(double FalsePositiveRate, double TruePositiveRate);

/// <summary>A text column tokenized for the models: rows encoded and how many were longer than the sequence and cut.</summary>
/// <param name="Column">The holdout column.</param>
/// <param name="Rows">Rows encoded.</param>
/// <param name="Truncated">Rows with more tokens than fit, cut to <paramref name="MaxLength"/>.</param>
/// <param name="MaxLength">Tokens per sequence, [CLS] and [SEP] included.</param>
/// <param name="Refused">True when the policy refuses long texts (overflow: refuse), so nothing was cut.</param>
internal sealed record TextTruncation(string Column, long Rows, long Truncated, int MaxLength, bool Refused);
