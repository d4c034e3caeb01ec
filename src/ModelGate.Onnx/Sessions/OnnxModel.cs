using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using ModelGate.Core.Evaluation;
using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Sessions;

/// <summary>
/// One model loaded into an ONNX Runtime session: its signature, the device it runs on, and batched runs that
/// turn holdout columns into scores. Run, Score and MeasureLatency are thread-safe (ORT sessions are), so a
/// candidate and a baseline can run side by side; identical inputs give identical outputs.
/// </summary>
internal sealed class OnnxModel : IDisposable
{
    private readonly OnnxRuntime _runtime;
    private readonly InferenceSession _session;

    private OnnxModel(OnnxRuntime runtime, string path, SessionSettings settings, InferenceSession session, DeviceChoice device, ModelProtoHeader? header)
    {
        _runtime = runtime;
        _session = session;
        Path = path;
        Settings = settings;
        Device = device;
        SizeBytes = new FileInfo(path).Length;
        Signature = new ModelSignature(
            SignatureReader.ReadInputs(session),
            SignatureReader.ReadOutputs(session),
            SignatureReader.ReadMetadata(session, header));
    }

    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <summary>The model file's size in bytes.</summary>
    public long SizeBytes { get; }

    /// <summary>Inputs, outputs and metadata.</summary>
    public ModelSignature Signature { get; }

    /// <summary>The device and execution provider in use, and why.</summary>
    public DeviceChoice Device { get; }

    /// <summary>The settings the session was made with.</summary>
    public SessionSettings Settings { get; }

    /// <summary>The ONNX Runtime version running the model.</summary>
    public string RuntimeVersion => _runtime.Version;

    internal InferenceSession Session => _session;

    /// <summary>Checks columns against the signature and converts them once into the model's types and layout.</summary>
    public PreparedInputs Prepare(IReadOnlyList<ModelInput> inputs) => InputBinder.Bind(Path, Signature, inputs);

    /// <summary>Runs every row in batches and returns the named outputs (all outputs when null).</summary>
    public ModelOutputs Run(PreparedInputs inputs, IReadOnlyList<string>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var names = outputNames ?? Signature.Outputs.Select(p => p.Name).ToList();
        foreach (var name in names)
        {
            if (Signature.Output(name) is null)
            {
                throw new OnnxModelException(Path, $"the model has no output '{name}'; its outputs are {string.Join(", ", Signature.Outputs)}.", "name one of the listed outputs.");
            }
        }

        var outputs = inputs.RowCount == 0
            ? names.Select(Empty).ToArray()
            : RunRows(inputs, names, 0, inputs.RowCount, BatchFor(Settings.BatchSize));
        return new ModelOutputs(inputs.RowCount, outputs);
    }

    /// <summary>Runs columns (prepared on the fly) and returns the named outputs.</summary>
    public ModelOutputs Run(IReadOnlyList<ModelInput> inputs, IReadOnlyList<string>? outputNames = null) => Run(Prepare(inputs), outputNames);

    /// <summary>Runs every row and decodes the scoring output into <see cref="Predictions"/>, saying which output was used and why.</summary>
    public ScoredPredictions Score(PreparedInputs inputs, ScoreRequest? request = null)
    {
        request ??= new ScoreRequest();
        var choice = ScoreOutputChoice.Choose(Path, Signature, request);
        var output = Run(inputs, [choice.Port.Name]).Outputs[0];
        return ScoreDecoder.Decode(Path, output, choice, request);
    }

    /// <summary>Prepares the columns and scores them.</summary>
    public ScoredPredictions Score(IReadOnlyList<ModelInput> inputs, ScoreRequest? request = null) => Score(Prepare(inputs), request);

    /// <summary>
    /// Times <paramref name="calls"/> Run calls on the first <paramref name="batchSize"/> rows (after
    /// <paramref name="warmupCalls"/> untimed ones) and returns milliseconds per call. Fetches every output, as scoring would.
    /// A holdout smaller than the batch is repeated to fill it: latency depends on the batch size, not on the values.
    /// </summary>
    public LatencySamples MeasureLatency(PreparedInputs inputs, int batchSize, int calls, int warmupCalls = 2)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(calls, 1);
        if (inputs.RowCount == 0)
        {
            throw new OnnxModelException(Path, "latency cannot be measured on a holdout without rows.", "give the holdout at least one row.");
        }

        if (inputs.RowCount < batchSize)
        {
            inputs = inputs.Tiled(batchSize);
        }

        var names = Signature.Outputs.Select(p => p.Name).ToList();
        // A model with a fixed batch size is timed over the same rows, in its own batches.
        var batch = BatchFor(batchSize);
        for (var i = 0; i < warmupCalls; i++)
        {
            RunRows(inputs, names, 0, batchSize, batch);
        }

        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            RunRows(inputs, names, 0, batchSize, batch);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return new LatencySamples(batchSize, samples);
    }

    /// <summary>
    /// Scores <paramref name="inputs"/> once untimed, then in timed passes until <paramref name="minSeconds"/> have passed
    /// (at least two passes, at most <paramref name="maxPasses"/>), and returns the process CPU time of the timed passes and
    /// the peak working set above <paramref name="workingSetBefore"/> (sampled after each pass). Call it on a session loaded
    /// for the measurement, with no other scoring running, so the process's CPU time and memory are this model's.
    /// </summary>
    public ResourceCost MeasureCost(PreparedInputs inputs, long workingSetBefore, double minSeconds = 0.25, int maxPasses = 1000)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.RowCount == 0)
        {
            throw new OnnxModelException(Path, "resource cost cannot be measured on a holdout without rows.", "give the holdout at least one row.");
        }

        var names = Signature.Outputs.Select(p => p.Name).ToList();
        var batch = BatchFor(Settings.BatchSize);
        var peak = ProcessMeter.WorkingSet();
        RunRows(inputs, names, 0, inputs.RowCount, batch);
        peak = Math.Max(peak, ProcessMeter.WorkingSet());
        var cpuBefore = ProcessMeter.CpuTime();
        var wall = Stopwatch.StartNew();
        var passes = 0;
        do
        {
            RunRows(inputs, names, 0, inputs.RowCount, batch);
            passes++;
            peak = Math.Max(peak, ProcessMeter.WorkingSet());
        }
        while ((passes < 2 || wall.Elapsed.TotalSeconds < minSeconds) && passes < maxPasses);

        var cpu = (ProcessMeter.CpuTime() - cpuBefore).TotalSeconds;
        var seconds = wall.Elapsed.TotalSeconds;
        // On CUDA the device does the work and ORT gives no per-kernel time here: the passes' wall time bounds the GPU time from above.
        double? gpu = Device.Provider == "CUDAExecutionProvider" ? seconds : null;
        return new ResourceCost((long)passes * inputs.RowCount, cpu, seconds, peak - workingSetBefore, gpu);
    }

    /// <summary>Releases the session.</summary>
    public void Dispose() => _session.Dispose();

    internal static OnnxModel Load(OnnxRuntime runtime, string modelPath, SessionSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.IntraOpThreads);
        var path = System.IO.Path.GetFullPath(modelPath);
        if (Directory.Exists(path) || !File.Exists(path))
        {
            throw new OnnxModelException(path, "model file not found.", "check the model path in the policy or on the command line.");
        }

        var header = ModelProtoHeader.TryRead(path);
        using var options = CreateOptions(runtime, settings);
        var device = ExecutionProviders.Apply(runtime, options, settings);
        try
        {
            return new OnnxModel(runtime, path, settings, CreateSession(runtime, options, path, header), device, header);
        }
        catch (OnnxRuntimeUnavailableException ex) when (settings.Device.Kind == Sessions.DeviceKind.Auto && device.Provider != "CPUExecutionProvider")
        {
            // CUDA appended but the session could not start on it: auto falls back, saying why.
            using var cpuOptions = CreateOptions(runtime, settings);
            var cpu = DeviceChoice.OnCpu($"CUDA provider failed at session creation ({(ex.InnerException as OrtException)?.Summary ?? ex.Problem}); using CPU");
            return new OnnxModel(runtime, path, settings, CreateSession(runtime, cpuOptions, path, header), cpu, header);
        }
    }

    private static SessionOptions CreateOptions(OnnxRuntime runtime, SessionSettings settings)
    {
        var options = new SessionOptions();
        try
        {
            options.IntraOpNumThreads = settings.IntraOpThreads;
            options.GraphOptimizationLevel = (GraphOptimizationLevel)(int)settings.Optimization;
            if (runtime.CpuArenaLimitBytes is not null)
            {
                OrtErrors.Call("AddSessionConfigEntry", () => options.AddSessionConfigEntry(CpuArena.UseEnvAllocators, "1"));
            }

            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    private static InferenceSession CreateSession(OnnxRuntime runtime, SessionOptions options, string path, ModelProtoHeader? header)
    {
        try
        {
            return OrtErrors.Call("CreateSession", () => new InferenceSession(path, options));
        }
        catch (OrtException ex)
        {
            throw ModelLoadErrors.For(path, header, runtime.Version, ex);
        }
    }

    private ModelOutput[] RunRows(PreparedInputs inputs, IReadOnlyList<string> outputNames, int firstRow, int rowCount, BatchShape batch)
    {
        if (!inputs.Names.SequenceEqual(Signature.Inputs.Select(p => p.Name)))
        {
            throw new OnnxModelException(Path, $"the prepared inputs ({string.Join(", ", inputs.Names)}) were made for another model.", "prepare the inputs with this model's Prepare.");
        }

        try
        {
            var targets = outputNames.Select(name => new OutputTarget(name, Signature.Output(name)!.IsRowOutput())).ToList();
            return BatchRunner.Run(_session, Path, inputs, targets, batch, firstRow, rowCount, Settings.BatchTimeBudget);
        }
        catch (OrtException ex) when (_runtime.CpuArenaLimitBytes is { } limit && ModelLoadErrors.IsOutOfArena(ex))
        {
            throw new OnnxLimitException(OnnxLimit.CpuMemory,
                string.Create(CultureInfo.InvariantCulture, $"{Path}: ONNX Runtime needed more CPU memory than its ceiling of {limit / (1024.0 * 1024):0.#} MiB ({ex.Summary})."),
                $"raise the ceiling ({OnnxRuntimeOptions.CpuArenaLimitVariable}=<MiB>), lower --batch-size, or remove the ceiling.",
                ex);
        }
        catch (OrtException ex)
        {
            throw new OnnxModelException(Path, $"ONNX Runtime failed while running the model ({ex.Code}): {ex.Summary}", "check that the inputs match what the model was trained on (dotnet modelgate inspect shows its signature).", ex);
        }
        catch (NotSupportedException ex)
        {
            throw new OnnxModelException(Path, $"unsupported output: {ex.Message}.", "name an output ModelGate can read (float, int64 or string tensors, or a ZipMap).", ex);
        }
    }

    /// <summary>The rows per ONNX Runtime call: the model's fixed batch dimension when it has one, else the configured size.</summary>
    public int BatchSize => BatchFor(Settings.BatchSize).Size;

    private BatchShape BatchFor(int requested)
    {
        // A model with a fixed batch dimension (e.g. [4, 30]) must be fed exactly that many rows per call; the last,
        // shorter batch is padded.
        var fixedBatch = Signature.Inputs
            .Select(p => p.Type is TensorValueType { Shape.Count: > 0 } t ? t.Shape[0].Size : null)
            .FirstOrDefault(s => s is not null);
        return fixedBatch is > 0 ? new BatchShape((int)fixedBatch.Value, true) : new BatchShape(requested, false);
    }

    private ModelOutput Empty(string name)
    {
        var port = Signature.Output(name)!;
        var type = port.Type is TensorValueType t ? t.ElementType : TensorElementType.Float;
        var kind = port.Type is SequenceValueType ? OutputKind.SequenceOfMaps : OutputKind.Tensor;
        return new ModelOutput(name, kind, type, [0, 1], [], type == TensorElementType.String ? [] : null, []);
    }

    /// <summary>For diagnostics: e.g. "mlp.onnx on cpu (CPUExecutionProvider), ONNX Runtime 1.31.1".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{System.IO.Path.GetFileName(Path)} on {Device.Device} ({Device.Provider}), ONNX Runtime {RuntimeVersion}");
}
