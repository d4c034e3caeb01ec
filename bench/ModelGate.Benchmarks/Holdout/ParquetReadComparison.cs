using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ModelGate.Data;
using Parquet;
using Parquet.Schema;
using static ModelGate.Benchmarks.Holdout.HoldoutReadComparison;

namespace ModelGate.Benchmarks.Holdout;

/// <summary>
/// The same generated holdout (BenchCsv, 1M × 33 by default) read by ModelGate from CSV and from Parquet, each run in a
/// fresh process so peak memory is per reader, alternating the order, whole table and streamed in chunks; prints
/// median and spread as a Markdown table.
/// Usage: parquet-read [--rows 1000000] [--runs 3] [--dir folder] [--row-group 131072] [--codec snappy]
/// </summary>
internal static class ParquetReadComparison
{
    public const string Command = "parquet-read";
    public const string ChildCommand = "parquet-read-once";

    public static int Run(string[] args)
    {
        var rows = int.Parse(Option(args, "--rows", "1000000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var rowGroup = int.Parse(Option(args, "--row-group", "131072"), CultureInfo.InvariantCulture);
        var codec = Enum.Parse<CompressionMethod>(Option(args, "--codec", "snappy"), ignoreCase: true);
        var dir = Option(args, "--dir", Path.Combine(Path.GetTempPath(), "modelgate-bench"));
        Directory.CreateDirectory(dir);
        var csv = Path.Combine(dir, FormattableString.Invariant($"holdout-{rows}.csv"));
        var parquet = Path.Combine(dir, FormattableString.Invariant($"holdout-{rows}.{codec.ToString().ToLowerInvariant()}.parquet"));
        BenchCsv.Write(csv, rows);
        Convert(csv, parquet, rowGroup, codec);
        Console.WriteLine(FormattableString.Invariant(
            $"{csv}: {new FileInfo(csv).Length / 1e6:F1} MB; {parquet}: {new FileInfo(parquet).Length / 1e6:F1} MB ({codec}, row groups of {rowGroup} rows)"));

        var self = Environment.ProcessPath!;
        var selfArgs = self.EndsWith("dotnet", StringComparison.Ordinal) ? typeof(ParquetReadComparison).Assembly.Location + " " : string.Empty;
        var cases = new (string Name, string File, string Mode)[]
        {
            ("CSV, whole table", csv, "whole"), ("Parquet, whole table", parquet, "whole"),
            ("CSV, streamed (65,536-row chunks)", csv, "stream"), ("Parquet, streamed (65,536-row chunks)", parquet, "stream"),
        };
        var results = cases.ToDictionary(c => c.Name, _ => new List<Measurement>(), StringComparer.Ordinal);
        for (var r = 0; r < runs; r++)
        {
            foreach (var c in r % 2 == 0 ? cases : cases.Reverse())
            {
                var m = Child(self, $"{selfArgs}{ChildCommand} {c.File} {c.Mode}");
                results[c.Name].Add(m);
                Console.WriteLine(FormattableString.Invariant($"run {r + 1} {c.Name}: {m.Seconds:F3} s wall, {m.CpuSeconds:F3} s CPU, peak RSS {m.PeakRssMb:F0} MB, {m.Rows} rows, sum(f0) {m.SumF0:R}"));
            }
        }

        if (results.Values.SelectMany(m => m).Select(m => (m.Rows, m.SumF0)).Distinct().Count() != 1)
        {
            Console.Error.WriteLine("the readers disagree on the rows or on sum(f0)");
            return 1;
        }

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}"));
        Console.WriteLine("| read | CPU time, median | CPU min – max | wall time, median | wall min – max | peak RSS, median |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, runsOf) in results)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {name} | {Median(runsOf, m => m.CpuSeconds):F2} s | {runsOf.Min(m => m.CpuSeconds):F2} – {runsOf.Max(m => m.CpuSeconds):F2} s | {Median(runsOf, m => m.Seconds):F2} s | {runsOf.Min(m => m.Seconds):F2} – {runsOf.Max(m => m.Seconds):F2} s | {Median(runsOf, m => m.PeakRssMb):F0} MB |"));
        }

        return 0;
    }

    /// <summary>Reads the file once, all 33 columns (whole, or chunk by chunk keeping only a running sum), and prints one JSON line.</summary>
    public static int RunChild(string[] args)
    {
        var path = args[0];
        var stream = args.Length > 1 && args[1] == "stream";
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long rows;
        double sum;
        if (stream)
        {
            using var reader = HoldoutReader.Open(path, new HoldoutReadOptions());
            (rows, sum) = (0, 0);
            foreach (var chunk in reader.ReadChunks())
            {
                rows += chunk.RowCount;
                sum += chunk.Columns["f0"].ToDoubles().Sum();
            }
        }
        else
        {
            var holdout = HoldoutReader.Read(path, new HoldoutReadOptions());
            rows = holdout.RowCount;
            sum = holdout.GetDouble("f0").Sum();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var cpuSeconds = (self.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new Measurement(seconds, cpuSeconds, PeakRssMb(), rows, Math.Round(sum, 6))));
        return 0;
    }

    /// <summary>Writes the CSV as Parquet (typed as ModelGate reads it: doubles, longs, dictionary strings), one row group per chunk.</summary>
    private static void Convert(string csv, string parquet, int rowGroup, CompressionMethod codec)
    {
        using var reader = HoldoutReader.Open(csv, new HoldoutReadOptions { ChunkRows = rowGroup });
        ParquetWriter? writer = null;
        DataField[] fields = [];
        using var output = File.Create(parquet);
        foreach (var chunk in reader.ReadChunks())
        {
            var columns = reader.Columns.Select(n => chunk.Columns[n]).ToArray();
            if (writer is null)
            {
                fields = [.. columns.Select(c => c.Kind switch
                {
                    ColumnKind.Number => new DataField<double>(c.Name, false),
                    ColumnKind.WholeNumber => new DataField<long>(c.Name, false),
                    _ => (DataField)new DataField<string>(c.Name, false),
                })];
                var schema = new ParquetSchema(fields);
                writer = ParquetWriter.CreateAsync(schema, output, new ParquetOptions { CompressionMethod = codec }).GetAwaiter().GetResult();
            }

            using var group = writer.CreateRowGroup();
            for (var j = 0; j < columns.Length; j++)
            {
                var column = columns[j];
                var write = column.Kind switch
                {
                    ColumnKind.Number => group.WriteAsync(fields[j], new ReadOnlyMemory<double>(column.ToDoubles())),
                    ColumnKind.WholeNumber => group.WriteAsync(fields[j], new ReadOnlyMemory<long>(((ModelGate.Data.IntegerColumn)column).Values.ToArray())),
                    _ => group.WriteAsync(fields[j], (IReadOnlyCollection<string>)column.ToText().Select(t => t ?? string.Empty).ToArray()),
                };
                write.GetAwaiter().GetResult();
            }
        }

        writer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
