using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ModelGate.Data;

namespace ModelGate.Benchmarks.Holdout;

/// <summary>
/// Reads one generated CSV with ModelGate and with pandas.read_csv, each run in a fresh process so peak memory is
/// per reader, alternating the order, and prints median and spread as a Markdown table.
/// Usage: holdout-read [--rows 1000000] [--runs 5] [--dir folder] [--python /usr/bin/python3]
/// </summary>
internal static class HoldoutReadComparison
{
    public const string Command = "holdout-read";
    public const string ChildCommand = "holdout-read-once";

    public static int Run(string[] args)
    {
        var rows = int.Parse(Option(args, "--rows", "1000000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs", "5"), CultureInfo.InvariantCulture);
        var dir = Option(args, "--dir", Path.Combine(Path.GetTempPath(), "modelgate-bench"));
        var python = Option(args, "--python", "/usr/bin/python3");
        var script = Option(args, "--script", Path.Combine(RepoRoot(), "bench", "python", "read_csv.py"));
        Directory.CreateDirectory(dir);
        var csv = Path.Combine(dir, FormattableString.Invariant($"holdout-{rows}.csv"));
        var generate = Stopwatch.StartNew();
        BenchCsv.Write(csv, rows);
        Console.WriteLine(FormattableString.Invariant($"generated {csv}: {rows} rows, {new FileInfo(csv).Length / 1e6:F1} MB in {generate.Elapsed.TotalSeconds:F1} s"));

        var self = Environment.ProcessPath!;
        var selfArgs = self.EndsWith("dotnet", StringComparison.Ordinal) ? typeof(HoldoutReadComparison).Assembly.Location + " " : string.Empty;
        var modelgate = new List<Measurement>();
        var pandas = new List<Measurement>();
        for (var r = 0; r < runs; r++)
        {
            var order = r % 2 == 0 ? new[] { true, false } : [false, true];
            foreach (var ours in order)
            {
                var m = ours
                    ? Child(self, selfArgs + ChildCommand + " " + csv)
                    : Child(python, script + " " + csv);
                (ours ? modelgate : pandas).Add(m);
                Console.WriteLine(FormattableString.Invariant($"run {r + 1} {(ours ? "ModelGate" : "pandas")}: {m.Seconds:F3} s wall, {m.CpuSeconds:F3} s CPU, peak RSS {m.PeakRssMb:F0} MB, sum(f0) {m.SumF0:R}"));
            }
        }

        if (modelgate.Select(m => m.Rows).Concat(pandas.Select(m => m.Rows)).Distinct().Count() != 1)
        {
            Console.Error.WriteLine("the readers disagree on the row count");
            return 1;
        }

        var ourSum = modelgate[0].SumF0;
        var theirSum = pandas[0].SumF0;
        Console.WriteLine(FormattableString.Invariant($"sum(f0): ModelGate {ourSum:R}, pandas {theirSum:R}"));
        Console.WriteLine();
        Console.WriteLine("| reader | wall time, median | wall min – max | CPU time, median | CPU min – max | peak RSS, median |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(Row("ModelGate HoldoutReader.Read", modelgate));
        Console.WriteLine(Row("pandas.read_csv", pandas));
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"pandas/ModelGate, median wall time: {Median(pandas, m => m.Seconds) / Median(modelgate, m => m.Seconds):F2}x; median CPU time: {Median(pandas, m => m.CpuSeconds) / Median(modelgate, m => m.CpuSeconds):F2}x"));
        return 0;
    }

    /// <summary>Reads the file once, all 33 columns, and prints one JSON line with time and peak memory.</summary>
    public static int RunChild(string[] args)
    {
        var path = args[0];
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var holdout = HoldoutReader.Read(path, new HoldoutReadOptions());
        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
        var sum = holdout.GetDouble("f0").Sum();
        Console.WriteLine(JsonSerializer.Serialize(new Measurement(seconds, cpuSeconds, PeakRssMb(), holdout.RowCount, sum)));
        return 0;
    }

    internal static Measurement Child(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(file + " " + arguments + " exited with " + process.ExitCode.ToString(CultureInfo.InvariantCulture));
        }

        return JsonSerializer.Deserialize<Measurement>(output.Trim().Split('\n')[^1])!;
    }

    internal static double PeakRssMb()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static string Row(string name, List<Measurement> runs) => FormattableString.Invariant(
        $"| {name} | {Median(runs, m => m.Seconds):F2} s | {runs.Min(m => m.Seconds):F2} – {runs.Max(m => m.Seconds):F2} s | {Median(runs, m => m.CpuSeconds):F2} s | {runs.Min(m => m.CpuSeconds):F2} – {runs.Max(m => m.CpuSeconds):F2} s | {Median(runs, m => m.PeakRssMb):F0} MB |");

    internal static double Median(List<Measurement> runs, Func<Measurement, double> value)
    {
        var sorted = runs.Select(value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ModelGate.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }

    /// <summary>One reader's run, as both readers print it.</summary>
    internal sealed record Measurement(double Seconds, double CpuSeconds, double PeakRssMb, long Rows, double SumF0);
}
