using Microsoft.ML.OnnxRuntime;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Benchmarks.Onnx;

/// <summary>
/// The reference: the fewest managed ORT calls that score the rows, on the engine's own session: per batch, an
/// OrtValue over the float buffer (no copy), Run, read the output floats into a double array, dispose both values.
/// </summary>
internal sealed class BareLoop(OnnxModel model) : IDisposable
{
    private static readonly string[] InputName = ["input"];
    private static readonly string[] OutputName = ["probabilities"];
    private readonly RunOptions _options = new();

    public double[] Score(float[] rowMajor, int rows, int batchSize)
    {
        const int features = MlpWorkload.Features;
        var result = new double[rows * 2];
        var session = model.Session;
        for (var start = 0; start < rows; start += batchSize)
        {
            var count = Math.Min(batchSize, rows - start);
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, rowMajor.AsMemory(start * features, count * features), [count, features]);
            using var outputs = session.Run(_options, InputName, [input], OutputName);
            var floats = outputs[0].GetTensorDataAsSpan<float>();
            for (var i = 0; i < floats.Length; i++)
            {
                result[(start * 2) + i] = floats[i];
            }
        }

        return result;
    }

    public void Dispose() => _options.Dispose();
}
