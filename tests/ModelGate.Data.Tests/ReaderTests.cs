using System.Security.Cryptography;
using System.Text;
using ModelGate.Core;

namespace ModelGate.Data.Tests;

/// <summary>What a correct file reads as: formats, quoting, types, missing values, row ids and lines.</summary>
public sealed class ReaderTests : IDisposable
{
    private readonly TempFolder files = new("data");

    public void Dispose() => files.Dispose();

    private static Holdout Read(string path, HoldoutReadOptions? options = null) => HoldoutReader.Read(path, options ?? new HoldoutReadOptions());

    [Fact]
    public void Csv_with_quotes_embedded_newlines_bom_and_crlf()
    {
        var path = files.Write("q.csv", "\uFEFFid,text,x\r\n1,\"a, b\",1.5\r\n2,\"say \"\"hi\"\"\nthere\",-2e3\r\n3,plain,.25\r\n");
        var holdout = Read(path);
        Assert.Equal(["id", "text", "x"], holdout.FileColumns);
        Assert.Equal(3, holdout.RowCount);
        Assert.Equal(["a, b", "say \"hi\"\nthere", "plain"], holdout.GetText("text"));
        Assert.Equal([1.5, -2000, 0.25], holdout.GetDouble("x"));
        Assert.Equal([2L, 3L, 5L], Enumerable.Range(0, 3).Select(holdout.RowLine));
        Assert.Equal(ColumnKind.WholeNumber, holdout.Column("id").Kind);
    }

    [Fact]
    public void Tsv_and_jsonl_and_gzip_read_the_same_values()
    {
        var csv = Read(files.Write("t.csv", "a,b,c\n1,x,true\n2.5,y,false\n"));
        var tsv = Read(files.Write("t.tsv", "a\tb\tc\n1\tx\ttrue\n2.5\ty\tfalse\n"));
        var jsonl = Read(files.Write("t.jsonl", "{\"a\": 1, \"b\": \"x\", \"c\": true}\n{\"a\": 2.5, \"b\": \"y\", \"c\": false}\n"));
        var gz = Read(files.WriteGzip("t.csv.gz", "a,b,c\n1,x,true\n2.5,y,false\n"));
        var jsonlGz = Read(files.WriteGzip("t.jsonl.gz", "{\"a\": 1, \"b\": \"x\", \"c\": true}\r\n\r\n{\"a\": 2.5, \"b\": \"y\", \"c\": false}"));
        foreach (var h in new[] { csv, tsv, jsonl, gz, jsonlGz })
        {
            Assert.Equal([1.0, 2.5], h.GetDouble("a"));
            Assert.Equal(["x", "y"], h.GetText("b"));
            Assert.Equal(ColumnKind.Boolean, h.Column("c").Kind);
            Assert.Equal([1.0, 0.0], h.GetDouble("c"));
        }

        Assert.Equal([1L, 3L], new[] { jsonlGz.RowLine(0), jsonlGz.RowLine(1) });
    }

    [Fact]
    public void Format_can_be_forced()
    {
        var path = files.Write("data.txt", "a\tb\n1\t2\n");
        var holdout = Read(path, new HoldoutReadOptions { Format = HoldoutFormat.Tsv });
        Assert.Equal([2.0], holdout.GetDouble("b"));
        Assert.Equal(new HoldoutFileKind(HoldoutFormat.Tsv, false), holdout.Kind);
    }

    [Fact]
    public void Jsonl_escapes_nulls_and_absent_keys()
    {
        var path = files.Write("e.jsonl", "{\"n\\u0061me\": \"a\\\"b\\u00e9\", \"v\": null}\n{\"v\": 3}\n");
        var holdout = Read(path, new HoldoutReadOptions { Missing = MissingPolicy.Nan });
        Assert.Equal(["a\"b\u00e9", null], holdout.GetText("name"));
        Assert.Equal(1, holdout.MissingCounts["v"]);
        Assert.Equal(1, holdout.MissingCounts["name"]);
        Assert.True(double.IsNaN(holdout.GetDouble("v")[0]));
    }

    [Fact]
    public void Type_inference_and_override()
    {
        var path = files.Write("k.csv", "i,d,b,t,code\n1,1.5,TRUE,x,01\n-2,2,false,3,2\n");
        var holdout = Read(path, new HoldoutReadOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["code"] = ColumnKind.Text } });
        Assert.Equal(ColumnKind.WholeNumber, holdout.Column("i").Kind);
        Assert.Equal(ColumnKind.Number, holdout.Column("d").Kind);
        Assert.Equal(ColumnKind.Boolean, holdout.Column("b").Kind);
        Assert.Equal(ColumnKind.Text, holdout.Column("t").Kind);
        Assert.Equal(["01", "2"], holdout.GetText("code"));
        Assert.Equal([1L, -2L], ((IntegerColumn)holdout.Column("i")).Values.ToArray());
    }

    [Fact]
    public void Inferred_integers_that_turn_decimal_later_become_numbers()
    {
        var path = files.Write("k.csv", "x\n1\n2\n3\n4.5\n");
        var holdout = Read(path, new HoldoutReadOptions { InferenceRows = 2 });
        Assert.Equal(ColumnKind.Number, holdout.Column("x").Kind);
        Assert.Equal([1, 2, 3, 4.5], holdout.GetDouble("x"));
    }

    [Fact]
    public void Numbers_parse_culture_invariant_and_exactly()
    {
        var rng = new Random(7);
        var values = Enumerable.Range(0, 3000).Select(i => i switch
        {
            0 => 0.1,
            1 => -0.0,
            2 => double.MaxValue,
            3 => double.Epsilon,
            4 => 1e22,
            5 => 9007199254740993,
            _ => (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-30, 30)),
        }).ToArray();
        var text = "x,y\n" + string.Concat(values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "," + ((float)v).ToString("G9", System.Globalization.CultureInfo.InvariantCulture) + "\n"));
        var holdout = Read(files.Write("n.csv", text));
        Assert.Equal(values, holdout.GetDouble("x"));
        Assert.Equal(values.Select(v => double.Parse(((float)v).ToString("G9", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)), holdout.GetDouble("y"));
    }

    [Fact]
    public void Only_requested_columns_are_materialised()
    {
        var path = files.Write("c.csv", "p1,p2,q,label\n1,2,x,0\n3,4,y,1\n");
        var holdout = Read(path, new HoldoutReadOptions { Columns = ["p*", "label"] });
        Assert.Equal(["p1", "p2", "label"], holdout.Columns);
        Assert.Throws<HoldoutException>(() => holdout.Column("q"));
        Assert.Equal([1f, 3f], holdout.GetFloat("p1"));
        Assert.Equal([2f, 4f], holdout.GetFloat("p2"));
    }

    [Fact]
    public void Missing_values_are_counted_and_passed_as_nan()
    {
        var path = files.Write("m.csv", "a,b,s\n1,,x\nNA,2,\nNaN,null,y\n4,5,z\n");
        var holdout = Read(path, new HoldoutReadOptions { Missing = MissingPolicy.Nan });
        Assert.Equal(2, holdout.MissingCounts["a"]);
        Assert.Equal(2, holdout.MissingCounts["b"]);
        Assert.Equal(1, holdout.MissingCounts["s"]);
        Assert.Equal(4, holdout.RowCount);
        Assert.Equal([1, double.NaN, double.NaN, 4], holdout.GetDouble("a"));
        var slice = holdout.GetSlice("s");
        Assert.Equal([0, -1, 1, 2], slice.GroupOf);
        Assert.Equal(["x", "y", "z"], slice.GroupNames);
    }

    [Fact]
    public void Drop_policy_skips_rows_with_a_missing_feature_only()
    {
        var path = files.Write("m.csv", "a,b,s\n1,,x\nNA,2,\n3,3,\n4,5,z\n");
        var holdout = Read(path, new HoldoutReadOptions { Missing = MissingPolicy.Drop, Features = ["a", "b"] });
        Assert.Equal(2, holdout.DroppedRows);
        Assert.Equal([2L, 3L], holdout.FirstDroppedLines);
        Assert.Equal(2, holdout.RowCount);
        Assert.Equal([3.0, 4.0], holdout.GetDouble("a"));
        Assert.Equal([4L, 5L], new[] { holdout.RowLine(0), holdout.RowLine(1) });
        Assert.Equal(["3", "4"], new[] { holdout.RowId(0), holdout.RowId(1) });
        Assert.Equal(4, holdout.RowsInFile);
    }

    [Fact]
    public void Dropped_rows_leave_no_categories_or_ids_behind()
    {
        var path = files.Write("m.csv", "id,a,s\nr1,1,x\nr2,,new\nr2,2,y\n");
        var holdout = Read(path, new HoldoutReadOptions { Features = ["a"], RowIdColumn = "id", Missing = MissingPolicy.Drop, ColumnKinds = new Dictionary<string, ColumnKind> { ["s"] = ColumnKind.Text } });
        Assert.Equal(["x", "y"], ((TextColumn)holdout.Column("s")).Categories);
        Assert.Equal(["r1", "r2"], holdout.RowIds!);
        Assert.Equal(["x", "y"], holdout.GetSlice("s").GroupNames);
    }

    [Fact]
    public void Features_are_read_even_when_not_listed_as_columns()
    {
        var path = files.Write("m.csv", "a,b,s\n1,,x\n2,3,y\n");
        var holdout = Read(path, new HoldoutReadOptions { Columns = ["s"], Features = ["b"], Missing = MissingPolicy.Drop });
        Assert.Equal(["s", "b"], holdout.Columns);
        Assert.Equal(["y"], holdout.GetText("s"));
    }

    [Fact]
    public void Row_ids_come_from_the_id_column()
    {
        var path = files.Write("i.csv", "id,x\nr7,1\nr9,2\n");
        var holdout = Read(path, new HoldoutReadOptions { RowIdColumn = "id", Columns = ["x"] });
        Assert.Equal(["r7", "r9"], holdout.RowIds!);
        Assert.Equal("r9", holdout.RowId(1));
        Assert.Equal(["x"], holdout.Columns);
    }

    [Fact]
    public void Sha256_is_of_the_file_as_stored()
    {
        var csv = files.Write("h.csv", "a\n1\n2\n");
        var gz = files.WriteGzip("h.csv.gz", "a\n1\n2\n");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(csv))), Read(csv).Sha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(gz))), Read(gz).Sha256);
    }

    [Fact]
    public void Streaming_yields_chunks_that_add_up_to_the_whole_table()
    {
        var text = new StringBuilder("id,x,g\n");
        for (var i = 0; i < 1000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"r{i},{i * 0.5},{(i % 3 == 0 ? "a" : "b")}\n");
        }

        var path = files.Write("s.csv", text.ToString());
        var options = new HoldoutReadOptions { ChunkRows = 300, InferenceRows = 100, RowIdColumn = "id" };
        using var stream = HoldoutReader.Open(path, options);
        var chunks = stream.ReadChunks().ToList();
        Assert.Equal([300, 300, 300, 100], chunks.Select(c => c.RowCount));
        Assert.Equal([0, 300, 600, 900], chunks.Select(c => c.StartRow));
        Assert.Equal(chunks.SelectMany(c => ((NumberColumn)c.Columns["x"]).Values.ToArray()), Read(path, options).GetDouble("x"));
        Assert.Equal("r999", chunks[^1].RowIds![^1]);
        Assert.Equal(1001L, chunks[^1].Lines.Span[^1]);
        Assert.Equal(["a", "b"], ((TextColumn)chunks[^1].Columns["g"]).Categories);
        Assert.Equal(64, stream.Sha256.Length);
        Assert.True(stream.IsFinished);
    }

    [Fact]
    public void Kept_chunks_join_into_the_whole_table_less_the_dropped_columns()
    {
        // x turns from whole numbers to decimals after the inferred rows; n, b and g have missing values; f is dropped.
        var text = new StringBuilder("id,x,n,b,g,f\n");
        for (var i = 0; i < 1000; i++)
        {
            var x = i < 500 ? $"{i}" : $"{i}.5";
            var n = i % 7 == 0 ? "" : $"{i * 3}";
            var b = i % 11 == 0 ? "NA" : i % 2 == 0 ? "true" : "false";
            var g = i % 13 == 0 ? "" : i % 3 == 0 ? "a" : "b";
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"r{i},{x},{n},{b},{g},{i * 0.25}\n");
        }

        var path = files.Write("k.csv", text.ToString());
        var options = new HoldoutReadOptions { ChunkRows = 300, InferenceRows = 100, RowIdColumn = "id", Missing = MissingPolicy.Nan };
        var whole = Read(path, options);
        using var stream = HoldoutReader.Open(path, options);
        var keep = new HashSet<string>(["g", "x", "b", "n"], StringComparer.Ordinal);
        var chunks = stream.ReadChunks().Select(c => c.Keep(keep)).ToList();
        var joined = stream.ToHoldout(chunks);

        Assert.Equal(4, chunks.Count);
        Assert.IsType<IntegerColumn>(chunks[0].Columns["x"]);
        Assert.IsType<NumberColumn>(chunks[^1].Columns["x"]);
        Assert.DoesNotContain("f", chunks[0].Columns.Keys);
        Assert.Equal(["x", "n", "b", "g"], joined.Columns);
        Assert.Throws<HoldoutException>(() => joined.Column("f"));
        Assert.Equal(whole.MissingCounts.OrderBy(p => p.Key, StringComparer.Ordinal), joined.MissingCounts.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(whole.RowIds, joined.RowIds);
        Assert.Equal(Enumerable.Range(0, whole.RowCount).Select(whole.RowLine), Enumerable.Range(0, joined.RowCount).Select(joined.RowLine));
        Assert.Equal(Enumerable.Range(0, whole.RowCount).Select(whole.RowNumber), Enumerable.Range(0, joined.RowCount).Select(joined.RowNumber));
        foreach (var name in joined.Columns)
        {
            Assert.Equal(whole.Column(name).GetType(), joined.Column(name).GetType());
            Assert.Equal(whole.GetText(name), joined.GetText(name));
        }

        Assert.Equal(ColumnKind.Number, joined.Column("x").Kind);
        Assert.Equal(whole.GetDouble("x"), joined.GetDouble("x"));
        Assert.Equal(whole.Column("n").CountMissing(), joined.Column("n").CountMissing());
    }

    [Fact]
    public void Sha256_is_unavailable_before_the_end()
    {
        var path = files.Write("s.csv", "x\n1\n2\n3\n");
        using var stream = HoldoutReader.Open(path, new HoldoutReadOptions { ChunkRows = 1 });
        stream.ReadChunk();
        Assert.Throws<InvalidOperationException>(() => stream.Sha256);
    }

    [Fact]
    public void Column_names_can_be_read_alone()
    {
        var path = files.Write("n.csv", "a,b\n1,2\n");
        Assert.Equal(["a", "b"], HoldoutReader.ReadColumnNames(path));
    }
}
