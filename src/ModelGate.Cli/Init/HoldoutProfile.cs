using ModelGate.Core.Text;
using System.Globalization;
using ModelGate.Data;
using ModelGate.Core;

namespace ModelGate.Cli.Init;

/// <summary>What <c>init</c> needs to know about one holdout column.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="IsNumeric">True when every value is a number or a boolean (a model can take it).</param>
/// <param name="Distinct">Distinct non-missing values, counted up to <see cref="HoldoutProfile.DistinctCap"/>.</param>
/// <param name="IsId">True when the column looks like a row id (by name, or whole numbers that never repeat).</param>
/// <param name="Missing">Rows where the value is missing.</param>
internal sealed record ColumnProfile(string Name, bool IsNumeric, int Distinct, bool IsId, int Missing = 0)
{
    /// <summary>The distinct values in ordinal order when there are at most <see cref="HoldoutProfile.ValuesKept"/>; else empty.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
}

/// <summary>The holdout's columns in file order, profiled once for task, feature and slice choices.</summary>
internal sealed class HoldoutProfile
{
    /// <summary>Distinct values are counted up to this many; a column with more is treated as continuous.</summary>
    public const int DistinctCap = 1000;

    /// <summary>A column with at most this many distinct values keeps them (class labels, slice values).</summary>
    public const int ValuesKept = 100;

    private static readonly string[] IdNames = ["id", "row_id", "rowid", "row", "index", "idx", "uid", "uuid", "key", "record_id"];

    private HoldoutProfile(IReadOnlyList<ColumnProfile> columns, int rows)
    {
        Columns = columns;
        Rows = rows;
    }

    /// <summary>The columns, in file order.</summary>
    public IReadOnlyList<ColumnProfile> Columns { get; }

    /// <summary>The number of rows read.</summary>
    public int Rows { get; }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Names => [.. Columns.Select(c => c.Name)];

    /// <summary>A column by name, or null.</summary>
    public ColumnProfile? this[string name] => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>Reads every column of the holdout (missing values kept) and profiles it.</summary>
    public static HoldoutProfile Read(string path)
    {
        var header = HoldoutReader.ReadColumnNames(path);
        var holdout = HoldoutReader.Read(path, new HoldoutReadOptions { Columns = header, Missing = MissingPolicy.Nan });
        var columns = header.Select(name => Profile(holdout.Column(name), holdout.RowCount)).ToList();
        return new HoldoutProfile(columns, holdout.RowCount);
    }

    private static ColumnProfile Profile(HoldoutColumn column, int rows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < column.Length && seen.Count <= DistinctCap; i++)
        {
            if (column.ValueAsText(i) is { } value)
            {
                seen.Add(value);
            }
        }

        var numeric = column.Kind != ColumnKind.Text;
        var name = column.Name.ToLowerInvariant();
        var idByName = IdNames.Contains(name) || name.EndsWith("_id", StringComparison.Ordinal) || name.StartsWith("id_", StringComparison.Ordinal);
        var neverRepeats = column.Kind == ColumnKind.WholeNumber && rows >= 20 && seen.Count == rows;
        return new ColumnProfile(column.Name, numeric, seen.Count, idByName || neverRepeats, column.CountMissing())
        {
            Values = seen.Count <= ValuesKept ? [.. seen.Order(StringComparer.Ordinal)] : [],
        };
    }

    /// <summary>A short list of names for one-line messages and YAML comments, each through the console escaper (names come from the holdout).</summary>
    public static string List(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(12).Select(ConsoleText.Escape)) + (names.Count <= 12 ? string.Empty : $", … ({names.Count.ToString(CultureInfo.InvariantCulture)} in all)");
}
