using System.Diagnostics;
using System.Globalization;
using ModelGate.Data;
using ModelGate.Engine;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;

// The bare baselines of the end-to-end benchmark, timed in one process:
//   read:      HoldoutReader.Read of the same columns the gate reads (30 features, label, 3 groups);
//   inference: OnnxModel.Run of candidate then baseline on prepared inputs, at the gate's batch size.
// Prints one machine-readable line per figure; writes both models' P(positive) as raw float64 for the Python pipeline.
// With "engine" first it runs the whole gate in process instead, through GateRun: the engine the CLI runs.
if (args is ["engine", ..])
{
    return await Engine(args[1..]);
}

// With "media" first it measures image and text inputs end to end against their stages alone (MediaPipeline).
if (args is ["media", ..])
{
    return MediaPipeline.Run(args[1..]);
}

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: ModelGate.Benchmarks.EndToEnd HOLDOUT.csv CANDIDATE.onnx BASELINE.onnx SCORES_DIR [BATCH_SIZE]");
    return 2;
}

var (holdoutPath, candidatePath, baselinePath, scoresDir) = (args[0], args[1], args[2], args[3]);
var batchSize = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : SessionSettings.DefaultBatchSize;
var header = HoldoutReader.ReadColumnNames(holdoutPath);
var features = header.Where(h => h.Contains('_', StringComparison.Ordinal)).ToList();
var wanted = features.Concat(["target", "region", "segment", "band"]).ToList();

var watch = Stopwatch.StartNew();
var holdout = HoldoutReader.Read(holdoutPath, new HoldoutReadOptions { Columns = wanted, Features = features });
var readSeconds = watch.Elapsed.TotalSeconds;

using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { BaseDirectory = AppContext.BaseDirectory });
var settings = new SessionSettings { BatchSize = batchSize };
using var candidate = runtime.LoadModel(candidatePath, settings);
using var baseline = runtime.LoadModel(baselinePath, settings);

watch.Restart();
var columns = features.Select(f => InputColumn.Numeric(f, holdout.GetDouble(f))).ToList();
var input = new[] { ModelInput.Dense(candidate.Signature.Inputs[0].Name, columns) };
var candidateInputs = candidate.Prepare(input);
var baselineInputs = baseline.Prepare(input);
var prepareSeconds = watch.Elapsed.TotalSeconds;

var output = ScoreOutputChoice.Choose(candidatePath, candidate.Signature, new ScoreRequest()).Port.Name;
watch.Restart();
var candidateOut = candidate.Run(candidateInputs, [output]).Outputs[0];
var candidateSeconds = watch.Elapsed.TotalSeconds;
watch.Restart();
var baselineOut = baseline.Run(baselineInputs, [output]).Outputs[0];
var baselineSeconds = watch.Elapsed.TotalSeconds;

Directory.CreateDirectory(scoresDir);
WritePositive(Path.Combine(scoresDir, "candidate.f64"), candidateOut);
WritePositive(Path.Combine(scoresDir, "baseline.f64"), baselineOut);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"bare rows={holdout.RowCount} read_s={readSeconds:0.000} prepare_s={prepareSeconds:0.000} candidate_s={candidateSeconds:0.000} baseline_s={baselineSeconds:0.000} batch={batchSize}"));
return 0;

// engine POLICY HOLDOUT OUT_DIR [RESAMPLES]: the gate in process, timed from request to report files.
static async Task<int> Engine(string[] args)
{
    if (args.Length < 3)
    {
        Console.Error.WriteLine("usage: ModelGate.Benchmarks.EndToEnd engine POLICY HOLDOUT OUT_DIR [RESAMPLES]");
        return 2;
    }

    var watch = Stopwatch.StartNew();
    var run = await GateRun.ExecuteAsync(
        new GateRequest
        {
            PolicyPath = Path.GetFullPath(args[0]),
            PolicyOptions = new ModelGate.Policy.PolicyLoadOptions { AllowOutsideRoot = true },
            Overrides = new PolicyOverrides
            {
                Holdout = Path.GetFullPath(args[1]),
                Resamples = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null,
            },
            OutDir = Path.GetFullPath(args[2]),
            Formats = new HashSet<string>(StringComparer.Ordinal) { "json", "md" },
        },
        new RunLog(Console.Error),
        CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"engine rows={run.Result.Rows} wall_s={watch.Elapsed.TotalSeconds:0.000} stream_s={run.Timings.WallSeconds:0.000} verdict={(run.Result.Passed ? "pass" : "fail")}"));
    return 0;
}

// The last probability column is the positive class for a [N, 2] output.
static void WritePositive(string path, ModelOutput output)
{
    var k = output.Numbers.Length / output.RowCount;
    using var file = new BinaryWriter(File.Create(path));
    for (var r = 0; r < output.RowCount; r++)
    {
        file.Write(output.Numbers[(r * k) + k - 1]);
    }
}
