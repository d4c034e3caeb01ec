using System.Globalization;

namespace ModelGate.Core.Verdicts;

/// <summary>Numbers as reasons and thresholds show them: invariant culture, 4 significant digits, no exponent in the usual range.</summary>
public static class NumberText
{
    /// <summary>Significant digits shown.</summary>
    public const int SignificantDigits = 4;

    /// <summary>A value, e.g. 0.9123, 12.35, 0.0004567.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "undefined";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        if (value == 0)
        {
            return "0";
        }

        var magnitude = Math.Abs(value);
        if (magnitude < 1e-4 || magnitude >= 1e9)
        {
            return value.ToString("0.###E+0", CultureInfo.InvariantCulture);
        }

        var decimals = Math.Max(0, SignificantDigits - 1 - (int)Math.Floor(Math.Log10(magnitude)));
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded.ToString("0." + new string('#', Math.Max(decimals, 1)), CultureInfo.InvariantCulture);
    }

    /// <summary>A signed change, e.g. +0.002 or -0.013.</summary>
    public static string Change(double value) => value > 0 ? "+" + Format(value) : Format(value);

    /// <summary>An interval, e.g. [0.88, 0.91]; signed when <paramref name="asChange"/>.</summary>
    public static string Format(Interval interval, bool asChange = false) =>
        asChange ? $"[{Change(interval.Lower)}, {Change(interval.Upper)}]" : $"[{Format(interval.Lower)}, {Format(interval.Upper)}]";

    /// <summary>A whole count with thousands separators, e.g. 1,234.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage, e.g. 12.5%.</summary>
    public static string Percent(double fraction) => Format(fraction * 100) + "%";
}
