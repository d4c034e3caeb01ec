using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelGate.Policy.Printing;

/// <summary>YAML scalars written so that they read back as the same value and type.</summary>
internal static partial class YamlText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~" };

    public static string Text(string value) =>
        PlainText().IsMatch(value) && !Reserved.Contains(value) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? value
            : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Flow(IEnumerable<string> texts) => "[" + string.Join(", ", texts.Select(Text)) + "]";

    public static string Flow(IEnumerable<double> numbers) => "[" + string.Join(", ", numbers.Select(Number)) + "]";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainText();
}
