using System.Globalization;
using System.Text.Json;
using ModelGate.Core;

namespace ModelGate.Data.Tests;

/// <summary>
/// The shipped holdouts read back exactly: every value against a naive split of the file (they contain no quotes),
/// and summaries against expected.json, made by pandas with make_expected.py in the datasets folder.
/// </summary>
public sealed class DatasetTests
{
    public static TheoryData<string> Files() => new(Directory.GetFiles(DataFiles.Datasets, "*.holdout.csv").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_value_matches_a_naive_split(string name)
    {
        var path = Path.Combine(DataFiles.Datasets, name);
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var holdout = HoldoutReader.Read(path, new HoldoutReadOptions { Missing = MissingPolicy.Nan });

        Assert.Equal(header, holdout.FileColumns);
        Assert.Equal(rows.Length, holdout.RowCount);
        for (var j = 0; j < header.Length; j++)
        {
            var column = holdout.Column(header[j]);
            for (var i = 0; i < rows.Length; i++)
            {
                var expected = rows[i][j];
                if (expected.Length == 0)
                {
                    Assert.True(column.IsMissing(i), $"{name} row {i + 1} {header[j]} should be missing");
                }
                else if (column.Kind == ColumnKind.Text)
                {
                    Assert.Equal(expected, column.ValueAsText(i));
                }
                else
                {
                    Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), column.ValueAsDouble(i));
                }
            }
        }

        Assert.Equal(rows.Length + 1, holdout.RowLine(rows.Length - 1));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Summaries_match_pandas(string name)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFiles.Datasets, "expected.json")));
        var file = expected.RootElement.GetProperty(name);
        var holdout = HoldoutReader.Read(Path.Combine(DataFiles.Datasets, name), new HoldoutReadOptions { Missing = MissingPolicy.Nan });
        Assert.Equal(file.GetProperty("rows").GetInt32(), holdout.RowCount);
        Assert.Equal(file.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!), holdout.FileColumns);
        foreach (var stat in file.GetProperty("stats").EnumerateObject())
        {
            var column = holdout.Column(stat.Name);
            var s = stat.Value;
            Assert.Equal(s.GetProperty("missing").GetInt64(), holdout.MissingCounts[stat.Name]);
            if (s.GetProperty("kind").GetString() == "number")
            {
                Assert.NotEqual(ColumnKind.Text, column.Kind);
                var values = column.ToDoubles().Where(v => !double.IsNaN(v)).ToArray();
                var sum = s.GetProperty("sum").GetDouble();
                Assert.Equal(sum, values.Sum(), Math.Max(1e-9, Math.Abs(sum) * 1e-13));
                Assert.Equal(s.GetProperty("min").GetDouble(), values.Min());
                Assert.Equal(s.GetProperty("max").GetDouble(), values.Max());
                AssertEnd(s.GetProperty("first"), column.ValueAsDouble(0));
                AssertEnd(s.GetProperty("last"), column.ValueAsDouble(column.Length - 1));
            }
            else
            {
                Assert.Equal(ColumnKind.Text, column.Kind);
                var counts = column.ToText().Where(v => v is not null).GroupBy(v => v!).ToDictionary(g => g.Key, g => g.Count());
                var want = s.GetProperty("distinct").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
                Assert.Equal(want.OrderBy(p => p.Key, StringComparer.Ordinal), counts.OrderBy(p => p.Key, StringComparer.Ordinal));
                Assert.Equal(s.GetProperty("first").GetString(), column.ValueAsText(0));
                Assert.Equal(s.GetProperty("last").GetString(), column.ValueAsText(column.Length - 1));
            }
        }
    }

    [Fact]
    public void Streaming_and_gzip_give_the_same_table()
    {
        using var files = new TempFolder("data");
        var source = Path.Combine(DataFiles.Datasets, "digits.holdout.csv");
        var gz = files.WriteBytes("digits.holdout.csv.gz", DataFiles.Compress(File.ReadAllBytes(source)));
        var whole = HoldoutReader.Read(source, new HoldoutReadOptions());
        using var stream = HoldoutReader.Open(gz, new HoldoutReadOptions { ChunkRows = 97, InferenceRows = 50 });
        var chunks = stream.ReadChunks().ToList();
        foreach (var name in whole.Columns)
        {
            Assert.Equal(whole.GetDouble(name), chunks.SelectMany(c => c.Columns[name].ToDoubles()));
        }
    }

    private static void AssertEnd(JsonElement expected, double actual)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(double.IsNaN(actual));
        }
        else
        {
            Assert.Equal(expected.GetDouble(), actual);
        }
    }
}
