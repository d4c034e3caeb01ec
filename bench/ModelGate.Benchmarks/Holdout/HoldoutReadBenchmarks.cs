using BenchmarkDotNet.Attributes;
using ModelGate.Data;

namespace ModelGate.Benchmarks.Holdout;

/// <summary>BenchmarkDotNet view of the holdout reader on a 100,000-row generated CSV: whole table versus chunks.</summary>
[MemoryDiagnoser]
public class HoldoutReadBenchmarks
{
    private string path = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        path = Path.Combine(Path.GetTempPath(), "modelgate-bench", "holdout-bdn-100000.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        BenchCsv.Write(path, 100_000);
    }

    [Benchmark(Baseline = true)]
    public int WholeTable() => HoldoutReader.Read(path, new HoldoutReadOptions()).RowCount;

    [Benchmark]
    public int Chunks()
    {
        using var stream = HoldoutReader.Open(path, new HoldoutReadOptions());
        return stream.ReadChunks().Sum(c => c.RowCount);
    }

    [Benchmark]
    public int FeaturesOnly() => HoldoutReader.Read(path, new HoldoutReadOptions { Columns = ["f*"] }).RowCount;
}
