using BenchmarkDotNet.Attributes;
using ModelGate.Core.Metrics;
using ModelGate.Core.Statistics;

namespace ModelGate.Benchmarks.Metrics;

/// <summary>BenchmarkDotNet view of the paired bootstrap at a size BenchmarkDotNet can repeat (100,000 rows, 100 resamples).</summary>
[MemoryDiagnoser]
public class ResamplingBenchmark
{
    private MetricSet[] _sets = [];

    /// <summary>Builds the holdout and metric sets.</summary>
    [GlobalSetup]
    public void Setup() => _sets = new SyntheticHoldout(100_000).Sets();

    /// <summary>100 paired resamples of the five metrics over the holdout and 8 groups.</summary>
    [Benchmark]
    public object PairedResamples() => PairedBootstrap.Run(_sets, 100, 1);
}
