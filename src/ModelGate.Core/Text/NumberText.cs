using System.Globalization;

namespace ModelGate.Core.Text;

/// <summary>
/// Every number a reader sees, in reasons, thresholds, the console and every report: invariant culture, ASCII minus.
/// Measured values (<see cref="Value"/>) have <see cref="SignificantDigits"/> significant digits with trailing zeros
/// kept, so a point estimate and its interval read alike and columns line up; configured numbers
/// (<see cref="Setting"/>) print as the user wrote them; counts a reader sees have thousands separators. JSON does not
/// use this: it writes round-trip doubles.
/// </summary>
internal static class NumberText
{
    /// <summary>Significant digits of every displayed value.</summary>
    public const int SignificantDigits = 4;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A value with <see cref="SignificantDigits"/> significant digits, e.g. 0.8123, 12.35, 1234, 123457.</summary>
    public static string Value(double v)
    {
        if (double.IsNaN(v))
        {
            return "NaN";
        }

        if (double.IsInfinity(v))
        {
            return v > 0 ? "∞" : "-∞";
        }

        if (v == 0)
        {
            return "0";
        }

        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(v)));
        var decimals = SignificantDigits - 1 - magnitude;
        if (decimals > 8)
        {
            return v.ToString("0.000E+0", Inv);
        }

        decimals = Math.Max(0, decimals);
        var rounded = Math.Round(v, decimals, MidpointRounding.AwayFromZero);

        // 0.99996 rounds to 1.0000: one digit too many once the magnitude grows.
        if (rounded != 0 && (int)Math.Floor(Math.Log10(Math.Abs(rounded))) > magnitude && decimals > 0)
        {
            decimals--;
            rounded = Math.Round(v, decimals, MidpointRounding.AwayFromZero);
        }

        var text = rounded.ToString("F" + decimals.ToString(Inv), Inv);
        return IsNegativeZero(text) ? text[1..] : text;
    }

    /// <summary>A signed value, e.g. +0.004010 or -0.01100; exactly zero is "0".</summary>
    public static string Change(double v)
    {
        var text = Value(v);
        return text.StartsWith('-') || text == "0" || double.IsNaN(v) ? text : "+" + text;
    }

    /// <summary>"[lower, upper]".</summary>
    public static string Interval(Interval i) => $"[{Value(i.Lower)}, {Value(i.Upper)}]";

    /// <summary>"[-lower, +upper]" with signs.</summary>
    public static string ChangeInterval(Interval i) => $"[{Change(i.Lower)}, {Change(i.Upper)}]";

    /// <summary>An estimate with its interval, "undefined (reason)", or an em dash when absent.</summary>
    public static string Estimate(Estimate? e)
    {
        if (e is null)
        {
            return "—";
        }

        if (!e.IsDefined)
        {
            return $"undefined ({e.UndefinedReason})";
        }

        return e.Interval is { } i ? $"{Value(e.Value)} {Interval(i)}" : Value(e.Value);
    }

    /// <summary>A delta estimate: signed value with signed interval.</summary>
    public static string Delta(Estimate? e)
    {
        if (e is null)
        {
            return "—";
        }

        if (!e.IsDefined)
        {
            return $"undefined ({e.UndefinedReason})";
        }

        return e.Interval is { } i ? $"{Change(e.Value)} {ChangeInterval(i)}" : Change(e.Value);
    }

    /// <summary>A fraction as a percentage with 3 significant digits, e.g. 0.02359 → "2.36%".</summary>
    public static string Percent(double fraction)
    {
        if (double.IsNaN(fraction))
        {
            return "undefined";
        }

        var pct = fraction * 100;
        if (pct == 0 || double.IsInfinity(pct))
        {
            return Value(pct) + "%";
        }

        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(pct)));
        var decimals = Math.Clamp(2 - magnitude, 0, 6);
        var text = Math.Round(pct, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(Inv), Inv);
        return (IsNegativeZero(text) ? text[1..] : text) + "%";
    }

    /// <summary>A signed percentage, e.g. "+12.3%".</summary>
    public static string PercentChange(double fraction)
    {
        var text = Percent(fraction);
        return text.StartsWith('-') || text == "0%" || double.IsNaN(fraction) ? text : "+" + text;
    }

    /// <summary>A configured fraction as a percentage as the user wrote it, e.g. a confidence 0.95 → "95%", 0.005 → "0.5%".</summary>
    public static string SettingPercent(double fraction) => Setting(fraction * 100) + "%";

    /// <summary>A configured number as the user wrote it (shortest round-trip form), e.g. 0.05, 95, 0.9.</summary>
    public static string Setting(double v) => v == 0 ? "0" : Math.Round(v, 10).ToString("R", Inv);

    /// <summary>A configured change, signed as the user meant it, e.g. "-0.01" for an allowed drop, "+0.02" for an increase.</summary>
    public static string SettingChange(double v) => v > 0 ? "+" + Setting(v) : Setting(v);

    /// <summary>A count a reader sees, with thousands separators, e.g. 1,234.</summary>
    public static string Count(long n) => n.ToString("N0", Inv);

    /// <summary>An integer for machines (XML attributes, line numbers): invariant, no separators.</summary>
    public static string Plain(long n) => n.ToString(Inv);

    /// <summary>A p-value: 4 significant digits, or "&lt; 0.0001".</summary>
    public static string PValue(double p) => p < 0.0001 ? "< 0.0001" : Value(p);

    /// <summary>"p = 0.0213" or "p &lt; 0.0001".</summary>
    public static string PClause(double p) => p < 0.0001 ? "p < 0.0001" : "p = " + Value(p);

    /// <summary>A timestamp in UTC, ISO 8601 to the second.</summary>
    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv);

    /// <summary>A date, ISO 8601.</summary>
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    private static bool IsNegativeZero(string text) => text.StartsWith('-') && text.AsSpan(1).IndexOfAnyExcept("0.") < 0;
}
