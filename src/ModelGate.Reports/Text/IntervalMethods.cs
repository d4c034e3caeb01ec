using ModelGate.Core;

namespace ModelGate.Reports.Text;

/// <summary>How the Markdown tables name the methods behind a row's intervals.</summary>
internal static class IntervalMethods
{
    /// <summary>Whether <paramref name="method"/> is the paired bootstrap (row-level or cell-count).</summary>
    public static bool IsBootstrap(string method) => method.StartsWith("paired bootstrap", StringComparison.Ordinal);

    /// <summary>Whether any of the estimates has an interval from something other than the bootstrap.</summary>
    public static bool AnyOther(params Estimate?[] estimates) => estimates.Any(e => e?.Method is { } how && !IsBootstrap(how));

    /// <summary>"DeLong", or "normal interval of per-row terms; delta: normal interval of paired per-row differences".</summary>
    public static string Describe(Estimate candidate, Estimate? baseline, Estimate? delta)
    {
        var own = candidate.Method ?? baseline?.Method ?? "none";
        if (delta is null)
        {
            return own;
        }

        var d = delta.Method ?? "none";
        return own == d ? own : $"{own}; delta: {d}";
    }
}
