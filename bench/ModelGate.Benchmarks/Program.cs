using System.Globalization;
using BenchmarkDotNet.Running;
using ModelGate.Benchmarks.Metrics;

// "metrics-resampling [rows] [resamples] [threads]" runs the single timed issue-5 run; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "metrics-resampling")
{
    var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
    var resamples = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
    int? threads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null;
    ResamplingRun.Execute(rows, resamples, threads);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ResamplingRun).Assembly).Run(args);
