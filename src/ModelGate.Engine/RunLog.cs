using System.Diagnostics;
using System.Globalization;
using ModelGate.Core.Text;

namespace ModelGate.Engine;

/// <summary>
/// One plain line per step on standard error (CI logs stay readable and standard output holds only the report).
/// Timings use invariant formatting.
/// </summary>
internal sealed class RunLog(TextWriter error) : IRunLog
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Writes a step line with the elapsed time.</summary>
    public void Step(string message) =>
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[modelgate {_clock.Elapsed.TotalSeconds,6:0.0}s] {ConsoleText.Escape(message)}"));

    /// <summary>Writes a warning line.</summary>
    public void Warn(string message) => error.WriteLine($"modelgate: warning: {ConsoleText.Escape(message)}");

    /// <summary>Rows per second, formatted for a log line.</summary>
    public static string Rate(long rows, TimeSpan elapsed) =>
        (rows / Math.Max(elapsed.TotalSeconds, 1e-9)).ToString("N0", CultureInfo.InvariantCulture) + " rows/s";
}
