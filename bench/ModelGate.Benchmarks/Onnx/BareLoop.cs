using ModelGate.Onnx.Native;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Benchmarks.Onnx;

/// <summary>
/// The reference: the fewest ORT calls that score the rows, on the engine's own session: per batch, create a
/// tensor over the float buffer, Run, read the output floats into a double array, release both values.
/// </summary>
internal sealed unsafe class BareLoop : IDisposable
{
    private readonly OrtApi _api;
    private readonly OnnxModel _model;
    private readonly nint _memory;
    private readonly Utf8StringArray _inputName = new(["input"]);
    private readonly Utf8StringArray _outputName = new(["probabilities"]);

    public BareLoop(OnnxRuntime runtime, OnnxModel model)
    {
        _api = runtime.Api;
        _memory = runtime.CpuMemory.Pointer;
        _model = model;
    }

    public double[] Score(float[] rowMajor, int rows, int batchSize)
    {
        const int features = MlpWorkload.Features;
        var result = new double[rows * 2];
        var session = _model.Session.Pointer;
        var shape = stackalloc long[2];
        shape[1] = features;
        fixed (float* data = rowMajor)
        {
            for (var start = 0; start < rows; start += batchSize)
            {
                var count = Math.Min(batchSize, rows - start);
                shape[0] = count;
                nint input;
                _api.Check(_api.CreateTensorWithDataAsOrtValue(_memory, data + (start * features), (nuint)(count * features * sizeof(float)), shape, 2, 1, &input), "CreateTensorWithDataAsOrtValue");
                nint output = 0;
                try
                {
                    _api.Check(_api.Run(session, 0, _inputName.Pointer, &input, 1, _outputName.Pointer, 1, &output), "Run");
                    void* values;
                    _api.Check(_api.GetTensorMutableData(output, &values), "GetTensorMutableData");
                    var floats = new ReadOnlySpan<float>(values, count * 2);
                    for (var i = 0; i < floats.Length; i++)
                    {
                        result[(start * 2) + i] = floats[i];
                    }
                }
                finally
                {
                    _api.ReleaseValue(output);
                    _api.ReleaseValue(input);
                }
            }
        }

        return result;
    }

    public void Dispose()
    {
        _inputName.Dispose();
        _outputName.Dispose();
    }
}
