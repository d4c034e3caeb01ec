using System.Globalization;
using ModelGate.Onnx.Inputs;

namespace ModelGate.Onnx.Tests.Support;

/// <summary>The fixture CSVs (plain comma-separated, no quoting), read as typed columns the way the CLI would hand them over.</summary>
internal sealed class CsvTable
{
    private readonly string[] _header;
    private readonly List<string[]> _rows;

    private CsvTable(string[] header, List<string[]> rows)
    {
        _header = header;
        _rows = rows;
    }

    public int RowCount => _rows.Count;

    public static CsvTable Read(string path)
    {
        var lines = System.IO.File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        return new CsvTable(lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList());
    }

    public InputColumn Numeric(string name)
    {
        var c = Index(name);
        return InputColumn.Numeric(name, _rows.Select(r => r[c].Length == 0 ? double.NaN : double.Parse(r[c], CultureInfo.InvariantCulture)).ToArray());
    }

    public InputColumn Text(string name)
    {
        var c = Index(name);
        return InputColumn.Text(name, _rows.Select(r => (string?)r[c]).ToArray());
    }

    private int Index(string name)
    {
        var c = Array.IndexOf(_header, name);
        return c >= 0 ? c : throw new KeyNotFoundException(name);
    }
}
