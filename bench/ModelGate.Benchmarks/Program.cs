using BenchmarkDotNet.Running;
using ModelGate.Benchmarks.Onnx;

namespace ModelGate.Benchmarks;

/// <summary>Entry point: `onnx` runs the interleaved engine-vs-bare harness; anything else goes to BenchmarkDotNet.</summary>
public static class Program
{
    /// <summary>Runs the chosen benchmarks.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "onnx")
        {
            return EngineVersusBareLoop.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
