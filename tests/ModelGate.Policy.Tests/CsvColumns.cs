using System.Globalization;
using ModelGate.Policy.Where;

namespace ModelGate.Policy.Tests;

/// <summary>A simple comma-separated holdout (no quoting) as where-expression columns; empty fields are missing.</summary>
internal sealed class CsvColumns : IHoldoutColumns
{
    private readonly Dictionary<string, string?[]> _text = new(StringComparer.Ordinal);

    private CsvColumns(int rows) => RowCount = rows;

    public int RowCount { get; }

    public IReadOnlyList<string> Header { get; private init; } = [];

    public static CsvColumns Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var columns = new CsvColumns(lines.Length - 1) { Header = header };
        for (var c = 0; c < header.Length; c++)
        {
            columns._text[header[c]] = new string?[lines.Length - 1];
        }

        for (var r = 1; r < lines.Length; r++)
        {
            var fields = lines[r].Split(',');
            for (var c = 0; c < header.Length; c++)
            {
                columns._text[header[c]][r - 1] = fields[c].Length == 0 ? null : fields[c];
            }
        }

        return columns;
    }

    public bool TryGetNumeric(string column, out IReadOnlyList<double> values)
    {
        values = [];
        if (!_text.TryGetValue(column, out var text))
        {
            return false;
        }

        var numbers = new double[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is null)
            {
                numbers[i] = double.NaN;
            }
            else if (!double.TryParse(text[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        values = numbers;
        return true;
    }

    public bool TryGetText(string column, out IReadOnlyList<string?> values)
    {
        var found = _text.TryGetValue(column, out var text);
        values = text ?? [];
        return found;
    }
}
