using System.Diagnostics;
using System.Globalization;
using ModelGate.Data;

namespace ModelGate.Benchmarks.Holdout;

/// <summary>
/// Header handling on wide holdouts: reads a generated CSV of W numeric columns (plus a label) and a few rows, the way
/// <c>check</c> asks for them (every feature named explicitly, so each name is looked up in the header), at several
/// widths, and prints seconds per 1,000 columns. Linear growth shows as a flat per-column cost.
/// Usage: wide-header [--widths 1000,10000,100000] [--rows 20] [--runs 3] [--dir folder]
/// </summary>
internal static class WideHeaderRun
{
    public const string Command = "wide-header";

    public static int Run(string[] args)
    {
        var widths = Option(args, "--widths", "1000,10000,100000").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToList();
        var rows = int.Parse(Option(args, "--rows", "20"), CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var dir = Directory.CreateDirectory(Option(args, "--dir", Path.Combine(Path.GetTempPath(), "modelgate-bench-wide"))).FullName;
        Console.WriteLine("| columns | rows | read, median of " + runs.ToString(CultureInfo.InvariantCulture) + " (s) | min – max (s) | per 1,000 columns (ms) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var width in widths)
        {
            var csv = Path.Combine(dir, FormattableString.Invariant($"wide-{width}x{rows}.csv"));
            Write(csv, width, rows);
            var names = Enumerable.Range(0, width).Select(i => FormattableString.Invariant($"x{i}")).ToList();
            var options = new HoldoutReadOptions { Columns = ["label"], Features = names };
            var seconds = new List<double>();
            for (var r = 0; r < runs; r++)
            {
                var watch = Stopwatch.StartNew();
                var holdout = HoldoutReader.Read(csv, options);
                watch.Stop();
                if (holdout.RowCount != rows || holdout.Columns.Count != width + 1)
                {
                    Console.Error.WriteLine($"read {holdout.RowCount} rows and {holdout.Columns.Count} columns, expected {rows} and {width + 1}");
                    return 1;
                }

                seconds.Add(watch.Elapsed.TotalSeconds);
            }

            seconds.Sort();
            var median = seconds[seconds.Count / 2];
            Console.WriteLine(FormattableString.Invariant($"| {width:N0} | {rows} | {median:F3} | {seconds[0]:F3} – {seconds[^1]:F3} | {median / width * 1e6:F1} |"));
        }

        return 0;
    }

    private static void Write(string path, int width, int rows)
    {
        if (File.Exists(path))
        {
            return;
        }

        var random = new Random(width);
        using var w = new StreamWriter(path);
        w.WriteLine(string.Join(',', Enumerable.Range(0, width).Select(i => FormattableString.Invariant($"x{i}"))) + ",label");
        for (var r = 0; r < rows; r++)
        {
            w.WriteLine(string.Join(',', Enumerable.Range(0, width).Select(_ => (random.NextDouble() * 2 - 1).ToString("F3", CultureInfo.InvariantCulture))) + "," + (r % 2).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
