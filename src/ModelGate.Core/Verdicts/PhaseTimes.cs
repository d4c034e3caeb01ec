using System.Diagnostics;
using System.Globalization;

namespace ModelGate.Core.Verdicts;

/// <summary>
/// Wall-clock spans of a gate's phases, each from the previous mark to its own, for profiling (the CLI logs them with
/// MODELGATE_TIMINGS=1); never in a report, so reports stay deterministic.
/// </summary>
internal sealed class PhaseTimes
{
    private readonly List<(string Phase, double Seconds)> _spans = [];
    private long _last = Stopwatch.GetTimestamp();

    /// <summary>The phases marked so far, in order, with their seconds.</summary>
    public IReadOnlyList<(string Phase, double Seconds)> Spans => _spans;

    /// <summary>Ends the span that began at the previous mark (or at construction) and names it.</summary>
    public void Mark(string phase)
    {
        var now = Stopwatch.GetTimestamp();
        _spans.Add((phase, Stopwatch.GetElapsedTime(_last, now).TotalSeconds));
        _last = now;
    }

    /// <summary>"phase 0.12 s, phase 1.50 s, …".</summary>
    public override string ToString() =>
        string.Join(", ", _spans.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Phase} {s.Seconds:0.000} s")));
}
