using System.Globalization;
using System.Text;

namespace ModelGate.Reports.OpenMetrics;

/// <summary>
/// The escaping and number syntax shared by OpenMetrics 1.0 and Prometheus' text format 0.0.4, so one file is valid for
/// both parsers.
/// </summary>
internal static class OpenMetricsText
{
    /// <summary>
    /// A label value between double quotes: backslash, double quote and line feed escaped (the only escapes both formats
    /// define); unpaired UTF-16 surrogates become U+FFFD so the UTF-8 output is always valid.
    /// </summary>
    public static void AppendLabelValue(StringBuilder sb, string value)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    sb.Append(@"\\");
                    break;
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\n':
                    sb.Append(@"\n");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        sb.Append(c).Append(value[++i]);
                    }
                    else
                    {
                        sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>A sample value: shortest round-trip form in the invariant culture; infinities as +Inf and -Inf.</summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
