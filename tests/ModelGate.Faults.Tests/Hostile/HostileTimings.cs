using System.Collections.Concurrent;
using System.Globalization;

namespace ModelGate.Faults.Tests.Hostile;

/// <summary>How long each hostile case took; written to hostile-timings.txt in the temp folder for the record.</summary>
public static class HostileTimings
{
    private static readonly ConcurrentDictionary<string, double> Seconds = new(StringComparer.Ordinal);

    /// <summary>Records a case's wall time and rewrites the table.</summary>
    public static void Record(string name, double seconds)
    {
        Seconds[name] = seconds;
        var lines = Seconds.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}\t{kv.Value:0.00}"));
        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "modelgate-hostile-timings.txt"), lines);
    }
}
