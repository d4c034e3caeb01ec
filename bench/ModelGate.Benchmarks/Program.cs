using BenchmarkDotNet.Running;
using ModelGate.Benchmarks.Holdout;

// Side-by-side comparisons with other tools run as named entries; everything else goes to BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    HoldoutReadComparison.Command => HoldoutReadComparison.Run(args[1..]),
    HoldoutReadComparison.ChildCommand => HoldoutReadComparison.RunChild(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(HoldoutReadComparison).Assembly).Run(args);
    return 0;
}
