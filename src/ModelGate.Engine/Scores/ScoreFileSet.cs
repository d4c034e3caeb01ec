using System.Globalization;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Limits;
using ModelGate.Data;
using ModelGate.Data.Scores;
using ModelGate.Onnx.Outputs;
using ModelGate.Reports;

namespace ModelGate.Engine.Scores;

/// <summary>
/// One model's score files (one, or the shards of one scoring), checked to belong together: the same model, the same
/// holdout, the same number of shards with none given twice, and the same decoding.
/// </summary>
internal sealed class ScoreFileSet
{
    private readonly List<(string File, ScoreFileHeader Header)> files;
    private readonly List<DataFingerprint> read = [];

    private ScoreFileSet(string role, List<(string File, ScoreFileHeader Header)> files)
    {
        Role = role;
        this.files = files;
    }

    /// <summary>"candidate" or "baseline".</summary>
    public string Role { get; }

    /// <summary>The first shard's header (every other agrees with it on what matters).</summary>
    public ScoreFileHeader Header => files[0].Header;

    /// <summary>How many files.</summary>
    public int Count => files.Count;

    /// <summary>Reads every file's header and checks that they are shards of one scoring.</summary>
    public static ScoreFileSet Open(string role, IReadOnlyList<string> paths, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = paths.Select(p => (File: p, Header: ScoreFile.ReadHeader(p, limits))).OrderBy(f => f.Header.Shard.Index).ToList();
        var (firstFile, first) = files[0];
        var seen = new Dictionary<int, string>();
        foreach (var (file, header) in files)
        {
            if (!first.Decoding.SameAs(header.Decoding) || !first.ScoreColumns.SequenceEqual(header.ScoreColumns, StringComparer.Ordinal))
            {
                throw Mismatch(file, role, $"this file decoded as {header.Decoding.Describe()} into [{string.Join(", ", header.ScoreColumns)}], but {Name(firstFile)} as {first.Decoding.Describe()} into [{string.Join(", ", first.ScoreColumns)}]",
                    "score every shard with the same model and policy; set models.output and models.scores so each shard decodes the same way");
            }

            if (!string.Equals(first.Model?.Sha256, header.Model?.Sha256, StringComparison.Ordinal))
            {
                throw Mismatch(file, role, $"this file was scored by model {Short(header.Model?.Sha256)}, but {Name(firstFile)} by {Short(first.Model?.Sha256)}",
                    "score every shard with the same model file");
            }

            if (!string.Equals(first.HoldoutSha256, header.HoldoutSha256, StringComparison.Ordinal))
            {
                throw Mismatch(file, role, $"this file scored holdout {Short(header.HoldoutSha256)}, but {Name(firstFile)} scored {Short(first.HoldoutSha256)}",
                    "score every shard from the same holdout file");
            }

            if (header.Shard.Count != first.Shard.Count)
            {
                throw Mismatch(file, role, $"this file is shard {header.Shard} but {Name(firstFile)} is shard {first.Shard}", "pass the shards of one split (i/N with the same N)");
            }

            if (!seen.TryAdd(header.Shard.Index, file))
            {
                throw Mismatch(file, role, $"this file is shard {header.Shard}, and so is {Name(seen[header.Shard.Index])}", "pass each shard's file once");
            }

            if (ScoreKindNames.Parse(header.Decoding.Scores) is null)
            {
                throw Mismatch(file, role, $"this file says its scores are '{header.Decoding.Scores}'", "use one of probabilities, logits, log_probabilities, labels, regression");
            }
        }

        var missing = Enumerable.Range(1, first.Shard.Count).Where(i => !seen.ContainsKey(i)).ToList();
        if (missing.Count > 0)
        {
            throw Mismatch(firstFile, role, $"shard{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing.Take(5).Select(i => $"{i}/{first.Shard.Count}"))}{(missing.Count > 5 ? ", …" : string.Empty)} of the {role}'s scores {(missing.Count == 1 ? "is" : "are")} missing",
                $"pass every shard's file (e.g. --scores {role}='scores/{role}-*.parquet')");
        }

        return new ScoreFileSet(role, files);
    }

    /// <summary>Reads every file's rows into one score per holdout row and score column, checking each row id.</summary>
    public ScoredPredictions Join(Holdout holdout, IReadOnlyDictionary<string, int> rows, ResourceLimits limits)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(rows);
        if (!string.Equals(Header.HoldoutSha256, holdout.Sha256, StringComparison.Ordinal))
        {
            throw new HoldoutException(files[0].File, null, null, null,
                $"these {Role} scores were made from a holdout with SHA-256 {Short(Header.HoldoutSha256)}, but {holdout.File} has {Short(holdout.Sha256)}",
                "score the holdout this gate reads, or gate the holdout that was scored (--holdout)");
        }

        var k = Header.ScoreColumns.Count;
        var scores = new double[(long)holdout.RowCount * k];
        var from = new int[holdout.RowCount]; // 1 + the index of the file that scored the row; 0 = not yet scored
        for (var f = 0; f < files.Count; f++)
        {
            var (file, header) = files[f];
            using var reader = ScoreFile.OpenRows(file, header, limits);
            foreach (var chunk in reader.ReadChunks())
            {
                var columns = header.ScoreColumns.Select(c => chunk.Columns[c].ToDoubles()).ToArray();
                var lines = chunk.Lines.Span;
                for (var i = 0; i < chunk.RowCount; i++)
                {
                    var id = chunk.RowId(i);
                    if (!rows.TryGetValue(id, out var row))
                    {
                        throw new HoldoutException(file, lines[i], ScoreFileHeader.RowIdColumn, id,
                            $"row id '{id}' is not a row of the holdout {holdout.File}",
                            "score the holdout this gate reads (same file, same data.id column), or gate the holdout that was scored");
                    }

                    if (from[row] != 0)
                    {
                        throw new HoldoutException(file, lines[i], ScoreFileHeader.RowIdColumn, id,
                            $"row id '{id}' was already scored in {Name(files[from[row] - 1].File)}",
                            "give each row to one shard only: pass each shard's file once, all split i/N with the same N");
                    }

                    from[row] = f + 1;
                    for (var c = 0; c < k; c++)
                    {
                        scores[((long)row * k) + c] = columns[c][i];
                    }
                }
            }

            read.Add(new DataFingerprint($"{Role} scores", file, reader.Sha256, reader.RowsRead));
        }

        var unscored = Array.IndexOf(from, 0);
        if (unscored >= 0)
        {
            var count = from.Count(f => f == 0);
            throw new HoldoutException(files[0].File, null, ScoreFileHeader.RowIdColumn, holdout.RowId(unscored),
                $"row id '{holdout.RowId(unscored)}' (holdout line {holdout.RowLine(unscored).ToString(CultureInfo.InvariantCulture)}) has no {Role} score in the {files.Count.ToString(CultureInfo.InvariantCulture)} file(s) given; {count.ToString("N0", CultureInfo.InvariantCulture)} row(s) lack one",
                "score every row: pass every shard's file, made from this holdout with the same data.id and data.missing");
        }

        var decoding = Header.Decoding;
        var kind = ScoreKindNames.Parse(decoding.Scores)!.Value;
        var predictions = new Predictions(scores, holdout.RowCount, k);
        // Any engine may write a score file: class scores are judged as probabilities only when they are probabilities.
        if (kind != ScoreKind.Regression && ScoreInterpretation.NotProbabilities(predictions) is { } problem)
        {
            throw new HoldoutException(files[0].File, null, null, null,
                $"these {Role} class scores are not probabilities: {problem}",
                "write each class's probability (after softmax or sigmoid), one column per class, as modelgate score does");
        }

        return new ScoredPredictions(predictions, decoding.Output, kind,
            $"{decoding.Reason} (from score files)", decoding.ClassLabels, decoding.LabelsOnly);
    }

    /// <summary>The model's provenance as the files record it (the first file's path when the model is not recorded).</summary>
    public ModelFingerprint Fingerprint(string? version, Func<string, string> show)
    {
        ArgumentNullException.ThrowIfNull(show);
        return Header.Model is { } model
            ? new ModelFingerprint(Role, model.Path, model.Sha256, model.Bytes ?? 0, version ?? model.Version)
            : new ModelFingerprint(Role, show(files[0].File), "not recorded", 0, version);
    }

    /// <summary>The files read, with their hashes and rows (after <see cref="Join"/>).</summary>
    public IEnumerable<DataFingerprint> Files(Func<string, string> show)
    {
        ArgumentNullException.ThrowIfNull(show);
        return read.Select(d => d with { Path = show(d.Path) });
    }

    /// <summary>Latency from the lowest shard that measured it.</summary>
    public IReadOnlyList<LatencySamples> Latency() =>
        files.Select(f => f.Header.Latency).FirstOrDefault(l => l.Count > 0) is { } latency
            ? [.. latency.Select(l => new LatencySamples(l.BatchSize, l.Milliseconds))]
            : [];

    private static HoldoutException Mismatch(string file, string role, string problem, string fix) =>
        new(file, null, null, null, $"these {role} score files do not belong together: {problem}", fix);

    private static string Name(string file) => Path.GetFileName(file);

    private static string Short(string? sha) => sha is null ? "(not recorded)" : sha.Length > 12 ? sha[..12] + "…" : sha;
}
