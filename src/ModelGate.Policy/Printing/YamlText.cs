using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelGate.Policy.Printing;

/// <summary>YAML scalars written so that they read back as the same value and type (the policy printer's and init's).</summary>
internal static partial class YamlText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~" };

    /// <summary>A string scalar: plain when it reads back as the same string, single-quoted otherwise.</summary>
    public static string Text(string value) =>
        PlainText().IsMatch(value) && !Reserved.Contains(value) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? value
            : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A number that reads back exactly.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A suggested number a person reads and tunes (init's bounds): at most six decimals, no exponent for everyday values.</summary>
    public static string Suggested(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>A flow sequence of strings.</summary>
    public static string Flow(IEnumerable<string> texts) => "[" + string.Join(", ", texts.Select(Text)) + "]";

    /// <summary>A flow sequence of numbers.</summary>
    public static string Flow(IEnumerable<double> numbers) => "[" + string.Join(", ", numbers.Select(Number)) + "]";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainText();
}
