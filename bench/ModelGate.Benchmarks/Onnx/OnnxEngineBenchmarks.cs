using BenchmarkDotNet.Attributes;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Benchmarks.Onnx;

/// <summary>
/// The same comparison under BenchmarkDotNet (slower to run; the interleaved `onnx` harness is what
/// docs/performance.md reports): engine vs bare loop over 8192 MLP rows at each batch size.
/// </summary>
[MemoryDiagnoser]
public class OnnxEngineBenchmarks : IDisposable
{
    private const int Rows = 8192;
    private MlpWorkload _workload = null!;
    private OnnxRuntime _runtime = null!;
    private OnnxModel _model = null!;
    private BareLoop _bare = null!;
    private PreparedInputs _prepared = null!;

    /// <summary>Rows per ORT Run call.</summary>
    [Params(1, 64, 1024, 8192)]
    public int BatchSize { get; set; }

    /// <summary>Loads the model once per batch size.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _workload = MlpWorkload.Load(Rows);
        _runtime = OnnxRuntime.Open();
        _model = _runtime.LoadModel(_workload.ModelPath, new SessionSettings { Device = DeviceRequest.Cpu, BatchSize = BatchSize });
        _bare = new BareLoop(_model);
        _prepared = _model.Prepare([ModelInput.Dense("input", _workload.Columns)]);
    }

    /// <summary>ModelGate's engine: prepared columns to Predictions.</summary>
    [Benchmark]
    public double Engine() => _model.Score(_prepared).Predictions.Scores[^1];

    /// <summary>The bare loop over the same ORT calls.</summary>
    [Benchmark(Baseline = true)]
    public double Bare() => _bare.Score(_workload.RowMajor, Rows, BatchSize)[^1];

    /// <summary>Releases the session and runtime.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _bare?.Dispose();
        _model?.Dispose();
        _runtime?.Dispose();
        GC.SuppressFinalize(this);
    }
}
