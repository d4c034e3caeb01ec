using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelGate.Data.Scores;

/// <summary>The model a score file was made with, as the report's provenance names it.</summary>
/// <param name="Path">The model's path as <c>modelgate score</c> was given it (relative to its working folder).</param>
/// <param name="Sha256">Lowercase hex SHA-256 over the model and its external data.</param>
/// <param name="Bytes">The model's size with external data; null when not recorded (then the size check is "not measured").</param>
/// <param name="Version">The model's version (flag or ONNX metadata), when known.</param>
internal sealed record ScoredModel(string Path, string Sha256, long? Bytes, string? Version);

/// <summary>How the model's output became the score columns: the same for every shard of one model.</summary>
/// <param name="Output">The output read.</param>
/// <param name="Scores">What it held: probabilities, logits, log_probabilities, labels or regression.</param>
/// <param name="ClassLabels">The classes in score-column order, when the model names them.</param>
/// <param name="LabelsOnly">True when the model gave labels only (one-hot scores).</param>
/// <param name="Reason">Why the output was read that way (shown in the log).</param>
internal sealed record ScoreDecoding(string Output, string Scores, IReadOnlyList<string>? ClassLabels, bool LabelsOnly, string Reason)
{
    /// <summary>True when two shards were decoded the same way.</summary>
    public bool SameAs(ScoreDecoding other) =>
        other is not null && Output == other.Output && Scores == other.Scores && LabelsOnly == other.LabelsOnly
        && (ClassLabels is null ? other.ClassLabels is null : other.ClassLabels is not null && ClassLabels.SequenceEqual(other.ClassLabels, StringComparer.Ordinal));

    /// <summary>One line for an error message.</summary>
    public string Describe() =>
        $"output '{Output}' as {Scores}" + (ClassLabels is null ? string.Empty : $", classes [{string.Join(", ", ClassLabels)}]");
}

/// <summary>The ONNX Runtime a score file was made with (the report's provenance names it).</summary>
internal sealed record ScoringRuntime(string Version, string? Build, string? Library, string Device, string Provider)
{
    /// <summary>The GPU's name and memory in bytes, on CUDA.</summary>
    public (string Name, long MemoryBytes)? Gpu { get; init; }
}

/// <summary>Latency samples at one batch size, in milliseconds.</summary>
internal sealed record ScoreFileLatency(int BatchSize, IReadOnlyList<double> Milliseconds);

/// <summary>
/// What a score file records about itself: the model, the holdout it scored (by SHA-256), the shard, the decoding, the
/// holdout columns the model read (so the gate drops the same rows), and optionally latency and the runtime. Stored as
/// one JSON value: Parquet key-value metadata <see cref="MetadataKey"/>, or for CSV a sidecar file (<c>&lt;file&gt;.json</c>).
/// </summary>
internal sealed record ScoreFileHeader
{
    /// <summary>The Parquet key-value metadata key that holds the header.</summary>
    public const string MetadataKey = "modelgate.scores";

    /// <summary>The column of row ids.</summary>
    public const string RowIdColumn = "row_id";

    /// <summary>The score file format's version.</summary>
    public const int FormatVersion = 1;

    /// <summary>The most bytes a header may have (it is untrusted input).</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The model, when recorded.</summary>
    public ScoredModel? Model { get; init; }

    /// <summary>The SHA-256 of the holdout file that was scored.</summary>
    public required string HoldoutSha256 { get; init; }

    /// <summary>Which part of the holdout the file holds.</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>How the output was decoded.</summary>
    public required ScoreDecoding Decoding { get; init; }

    /// <summary>The score columns in class order (one, <c>prediction</c>, for regression).</summary>
    public required IReadOnlyList<string> ScoreColumns { get; init; }

    /// <summary>The holdout columns the model read (rows missing one are dropped the same way by the gate).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Latency measured while scoring, when the policy asked for it.</summary>
    public IReadOnlyList<ScoreFileLatency> Latency { get; init; } = [];

    /// <summary>The ONNX Runtime used, when the file was written by <c>modelgate score</c>.</summary>
    public ScoringRuntime? Runtime { get; init; }

    /// <summary>The header as compact JSON.</summary>
    public string ToJson()
    {
        var root = new JsonObject
        {
            ["format"] = FormatVersion,
            ["model"] = Model is null ? null : new JsonObject
            {
                ["path"] = Model.Path,
                ["sha256"] = Model.Sha256,
                ["bytes"] = Model.Bytes,
                ["version"] = Model.Version,
            },
            ["holdout_sha256"] = HoldoutSha256,
            ["shard"] = Shard.ToString(),
            ["output"] = Decoding.Output,
            ["scores"] = Decoding.Scores,
            ["class_labels"] = Decoding.ClassLabels is null ? null : new JsonArray([.. Decoding.ClassLabels.Select(c => (JsonNode?)c)]),
            ["labels_only"] = Decoding.LabelsOnly,
            ["reason"] = Decoding.Reason,
            ["score_columns"] = new JsonArray([.. ScoreColumns.Select(c => (JsonNode?)c)]),
            ["features"] = new JsonArray([.. Features.Select(c => (JsonNode?)c)]),
            ["latency"] = new JsonArray([.. Latency.Select(l => (JsonNode?)new JsonObject
            {
                ["batch_size"] = l.BatchSize,
                ["ms"] = new JsonArray([.. l.Milliseconds.Select(m => (JsonNode?)m)]),
            })]),
            ["onnxruntime"] = Runtime is null ? null : new JsonObject
            {
                ["version"] = Runtime.Version,
                ["build"] = Runtime.Build,
                ["library"] = Runtime.Library,
                ["device"] = Runtime.Device,
                ["provider"] = Runtime.Provider,
                ["gpu"] = Runtime.Gpu is { } gpu ? new JsonObject { ["name"] = gpu.Name, ["memory_bytes"] = gpu.MemoryBytes } : null,
            },
        };
        return root.ToJsonString();
    }

    /// <summary>Reads a header; a malformed one is a <see cref="HoldoutException"/> naming <paramref name="file"/> and the key.</summary>
    public static ScoreFileHeader Parse(string file, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 8 }) as JsonObject
                ?? throw Bad(file, "the header is not a JSON object");
        }
        catch (JsonException e)
        {
            throw Bad(file, "the header is not valid JSON (" + e.Message.ReplaceLineEndings(" ").TrimEnd('.') + ")");
        }

        try
        {
            var format = root["format"]?.GetValue<int>() ?? throw Bad(file, "the header has no 'format'");
            if (format != FormatVersion)
            {
                throw Bad(file, $"the header's format is {format}; this ModelGate reads format {FormatVersion}");
            }

            var shardText = Text(root, "shard") ?? "1/1";
            var shard = Shard.TryParse(shardText, out var problem) ?? throw Bad(file, "'shard': " + problem);
            var model = root["model"] as JsonObject;
            var runtime = root["onnxruntime"] as JsonObject;
            return new ScoreFileHeader
            {
                Model = model is null ? null : new ScoredModel(
                    Text(model, "path") ?? "(not recorded)",
                    Text(model, "sha256") ?? throw Bad(file, "'model' has no 'sha256'"),
                    model["bytes"]?.GetValue<long>(),
                    Text(model, "version")),
                HoldoutSha256 = Text(root, "holdout_sha256") ?? throw Bad(file, "the header has no 'holdout_sha256' (the SHA-256 of the holdout file that was scored)"),
                Shard = shard,
                Decoding = new ScoreDecoding(
                    Text(root, "output") ?? "scores",
                    Text(root, "scores") ?? throw Bad(file, "the header has no 'scores' (probabilities, logits, labels or regression)"),
                    Strings(root["class_labels"]),
                    root["labels_only"]?.GetValue<bool>() ?? false,
                    Text(root, "reason") ?? "precomputed scores"),
                ScoreColumns = Strings(root["score_columns"]) is { Count: > 0 } columns ? columns : throw Bad(file, "the header lists no 'score_columns'"),
                Features = Strings(root["features"]) ?? [],
                Latency = root["latency"] is JsonArray latency
                    ? [.. latency.OfType<JsonObject>().Select(l => new ScoreFileLatency(
                        l["batch_size"]?.GetValue<int>() ?? 1,
                        [.. (l["ms"] as JsonArray ?? []).Select(m => m!.GetValue<double>())]))]
                    : [],
                Runtime = runtime is null ? null : new ScoringRuntime(
                    Text(runtime, "version") ?? "unknown", Text(runtime, "build"), Text(runtime, "library"),
                    Text(runtime, "device") ?? "unknown", Text(runtime, "provider") ?? "unknown")
                {
                    Gpu = runtime["gpu"] is JsonObject gpu ? (Text(gpu, "name") ?? "unknown", gpu["memory_bytes"]?.GetValue<long>() ?? 0) : null,
                },
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException)
        {
            throw Bad(file, "a header value has the wrong type (" + e.Message.ReplaceLineEndings(" ").TrimEnd('.') + ")");
        }
    }

    private static string? Text(JsonObject node, string key) => node[key]?.GetValue<string>();

    private static List<string>? Strings(JsonNode? node) => node is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())] : null;

    private static HoldoutException Bad(string file, string problem) =>
        new(file, null, null, null, "not a ModelGate score file: " + problem,
            "write it with 'dotnet modelgate score', or add the header described in docs/scaling.md");
}
