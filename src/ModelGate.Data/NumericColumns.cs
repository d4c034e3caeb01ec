using System.Globalization;
using ModelGate.Core.Text;

namespace ModelGate.Data;

/// <summary>The check that a column read as text is not used where numbers are needed, naming the value that made it text.</summary>
internal static class NumericColumns
{
    /// <summary>
    /// Returns <paramref name="column"/> when it holds numbers; otherwise throws a <see cref="HoldoutException"/> at the
    /// first value that is not a number (its line from <paramref name="lines"/>, the file's line of each row).
    /// </summary>
    public static HoldoutColumn Require(string file, HoldoutColumn column, ReadOnlySpan<long> lines)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column is not TextColumn text)
        {
            return column;
        }

        var codes = text.Codes.Span;
        for (var row = 0; row < codes.Length; row++)
        {
            if (codes[row] >= 0 && !double.TryParse(text.Categories[codes[row]], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                var value = text.Categories[codes[row]];
                throw new HoldoutException(
                    file,
                    row < lines.Length ? lines[row] : null,
                    column.Name,
                    value.Length > ConsoleText.PreviewLength ? value[..ConsoleText.PreviewLength] : value,
                    $"{ConsoleText.Preview(value)} is not a number, so the column holds text, not numbers",
                    "fix the value, or encode the column as numbers");
            }
        }

        throw new HoldoutException(file, null, column.Name, null, "the column holds text, not numbers", "encode it as numbers, or declare its type if its values are numbers");
    }
}
