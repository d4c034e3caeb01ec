using System.Diagnostics;
using System.Globalization;
using ModelGate.Data;
using ModelGate.Engine;
using ModelGate.Engine.Media;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;
using ModelGate.Policy;
using ModelGate.Policy.Model;

/// <summary>
/// Images and texts end to end against their stages alone, on the digits-images and debian-text examples' candidates
/// (and the debian-text holdout tokenized with SentencePiece, Mistral 7B's model, into the hashed bag-of-ids model of
/// tests/fixtures/text/tiktoken), the holdout repeated to <c>copies</c> times its rows (in a scratch folder, images copied beside it):
/// inputs alone (the engine's per-chunk decoding/encoding, chunk after chunk), inference alone (the candidate on
/// inputs computed beforehand), reading alone, and the streamed pipeline (read, inputs, candidate overlapping). Rows per second,
/// median of <c>passes</c>. Usage: media [copies 8] [passes 3];
/// docs/performance.md uses media 64 5 (with 8 copies the text rows are too few for the pipeline to fill).
/// </summary>
internal static class MediaPipeline
{
    public static int Run(string[] args)
    {
        var copies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        var passes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var root = FindRoot(AppContext.BaseDirectory);
        Console.WriteLine("| example | rows | read alone | inputs alone | inference alone | end to end | end to end / slowest stage |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Measure(root, "digits-images", "digits-images", "images", copies, passes, p => p);
        Measure(root, "debian-text", "debian-text (wordpiece)", null, copies, passes, p => p);
        var text = Path.Combine(root, "tests", "fixtures", "text");
        Measure(root, "debian-text", "debian-text (sentencepiece)", null, copies, passes, p => p with
        {
            Models = p.Models with { Candidate = Path.Combine(text, "tiktoken", "candidate.onnx"), Baseline = Path.Combine(text, "tiktoken", "baseline.onnx") },
            Data = p.Data with { Text = [.. p.Data.Text.Select(t => t with { Tokenizer = TextTokenizerKind.SentencePiece, Vocabulary = Path.Combine(text, "sentencepiece", "tokenizer.model.v1") })] },
        });

        return 0;
    }

    private static void Measure(string root, string example, string label, string? folder, int copies, int passes, Func<GatePolicy, GatePolicy> adjust)
    {
        var scratch = Directory.CreateTempSubdirectory("modelgate-media-bench-").FullName;
        try
        {
            var source = Path.Combine(root, "examples", example, "data");
            if (folder is not null)
            {
                var images = Directory.CreateDirectory(Path.Combine(scratch, folder)).FullName;
                foreach (var file in Directory.GetFiles(Path.Combine(source, folder)))
                {
                    File.Copy(file, Path.Combine(images, Path.GetFileName(file)));
                }
            }

            var lines = File.ReadAllLines(Path.Combine(source, "holdout.csv"));
            var holdoutPath = Path.Combine(scratch, "holdout.csv");
            File.WriteAllLines(holdoutPath, [lines[0], .. Enumerable.Repeat(lines[1..], copies).SelectMany(l => l)]);

            var loaded = PolicyLoader.Load(Path.Combine(root, "examples", example, "modelgate.yml"), new DateOnly(2026, 12, 7)).GetPolicyOrThrow();
            // The copies repeat the row ids: the benchmark reads no id column.
            var policy = adjust(loaded with { Data = loaded.Data with { Holdout = holdoutPath, Id = null } });
            using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { BaseDirectory = AppContext.BaseDirectory });
            var batch = policy.Data.Images.Count > 0 ? GateRun.ImageBatchSize : SessionSettings.DefaultBatchSize;
            using var candidate = runtime.LoadModel(policy.Models.Candidate, new SessionSettings { BatchSize = batch });
            var header = HoldoutReader.ReadColumnNames(holdoutPath);
            var media = MediaInputs.Open(policy.Data);
            var plans = ModelInputPlan.For(new InputsFor("candidate", policy.Data, null, candidate.Signature) { Media = media }, header, holdoutPath, null);
            var needed = HoldoutColumnsNeeded.For(policy, header, plans);
            var options = needed.ToReadOptions(policy);
            var request = GateRun.ScoreRequestOf(policy);
            var holdout = HoldoutReader.Read(holdoutPath, options);
            var rows = holdout.RowCount;
            const int ChunkRows = 1024;

            // Inputs alone: the engine's per-chunk work, one chunk after another; like the pipeline, a chunk's inputs are
            // let go when the next chunk starts (holding every chunk's tensors made this stage measure the GC, not the work).
            List<ModelInput> computed = [];
            var column = plans[0].Columns[0];
            var cells = holdout.GetText(column).ToArray();
            var fileLines = Enumerable.Range(0, rows).Select(holdout.RowLine).ToArray();
            Action inputsAlone = () =>
            {
                for (var start = 0; start < rows; start += ChunkRows)
                {
                    computed = [];
                    var count = Math.Min(ChunkRows, rows - start);
                    var part = cells[start..(start + count)];
                    var values = new ComputedValues(holdoutPath);
                    foreach (var plan in plans)
                    {
                        var (data, shape) = values.Of(plan.Computed!, part, fileLines.AsSpan(start, count));
                        computed.Add(ModelInput.Computed(plan.Name, InputColumn.Text(column, part), data, shape));
                    }
                }
            };

            // Inference alone: the whole holdout's inputs computed beforehand.
            var whole = plans.Select(p => p.ToModelInput(holdout)).ToList();
            Action inferenceAlone = () => candidate.Score(candidate.Prepare(whole), request);

            // End to end: read, inputs and the candidate as the gate streams them.
            Action endToEnd = () =>
                new StreamingScorer(candidate, null, plans, request) { ChunkRows = ChunkRows, KeepAfterScoring = needed.AfterScoring }
                    .ScoreAsync(holdoutPath, options, CancellationToken.None).GetAwaiter().GetResult();
            Action readAlone = () => HoldoutReader.Read(holdoutPath, options);

            // Every stage runs three times before any is timed: the runtime's tiered, profile-guided compilation otherwise
            // times the first stage measured half on unoptimised code (images 11,400/s timed first, 18,000/s once every
            // stage had run; with DOTNET_TieredPGO=0, 20,000/s either way), which made the pipeline look faster than it.
            for (var warm = 0; warm < 3; warm++)
            {
                inputsAlone();
                inferenceAlone();
                endToEnd();
                readAlone();
            }

            var inputsRate = Rate(rows, passes, inputsAlone);
            var inferenceRate = Rate(rows, passes, inferenceAlone);
            var endRate = Rate(rows, passes, endToEnd);
            var readRate = Rate(rows, passes, readAlone);
            var slowest = Math.Min(readRate, Math.Min(inputsRate, inferenceRate));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {rows:N0} | {readRate:N0} /s | {inputsRate:N0} /s | {inferenceRate:N0} /s | {endRate:N0} /s | {endRate / slowest:0.00} |"));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static double Rate(int rows, int passes, Action pass)
    {
        pass();
        var rates = new double[passes];
        for (var p = 0; p < passes; p++)
        {
            var start = Stopwatch.GetTimestamp();
            pass();
            rates[p] = rows / Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        Array.Sort(rates);
        return rates[passes / 2];
    }

    private static string FindRoot(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("run from inside the repository");
    }
}
