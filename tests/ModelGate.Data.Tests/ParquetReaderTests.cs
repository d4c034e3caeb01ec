using System.Globalization;
using System.Security.Cryptography;
using ModelGate.Core;
using ModelGate.Core.Errors;

namespace ModelGate.Data.Tests;

/// <summary>
/// Parquet holdouts, read from files DuckDB wrote (tests/fixtures/parquet, made by its generator project): every
/// common type, nulls, several row groups, dictionary pages, three codecs; nested columns and truncated files refused.
/// </summary>
public sealed class ParquetReaderTests : IDisposable
{
    private const int Rows = 5000;

    private readonly TempFolder files = new("data");

    public void Dispose() => files.Dispose();

    private static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "fixtures", "parquet", name);

    private static Holdout ReadAll(string path, HoldoutReadOptions? options = null) =>
        HoldoutReader.Read(path, options ?? new HoldoutReadOptions { Missing = MissingPolicy.Nan });

    [Theory]
    [InlineData("snappy")]
    [InlineData("zstd")]
    [InlineData("gzip")]
    public void Every_type_reads_with_its_nulls_across_row_groups_and_codecs(string codec)
    {
        var path = Fixture($"types.{codec}.parquet");
        var holdout = ReadAll(path, new HoldoutReadOptions { Missing = MissingPolicy.Nan, RowIdColumn = "row_id" });
        Assert.Equal(new HoldoutFileKind(HoldoutFormat.Parquet, false), holdout.Kind);
        Assert.Equal(["row_id", "i32", "i64", "f32", "f64", "flag", "name", "amount", "day", "ts", "label"], holdout.FileColumns);
        Assert.Equal(Rows, holdout.RowCount);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), holdout.Sha256);

        Assert.Equal(ColumnKind.WholeNumber, holdout.Column("i32").Kind);
        Assert.Equal(ColumnKind.WholeNumber, holdout.Column("i64").Kind);
        Assert.Equal(ColumnKind.Number, holdout.Column("f32").Kind);
        Assert.Equal(ColumnKind.Number, holdout.Column("f64").Kind);
        Assert.Equal(ColumnKind.Boolean, holdout.Column("flag").Kind);
        Assert.Equal(ColumnKind.Text, holdout.Column("name").Kind);
        Assert.Equal(ColumnKind.Number, holdout.Column("amount").Kind);
        Assert.Equal(ColumnKind.Text, holdout.Column("day").Kind);
        Assert.Equal(ColumnKind.Text, holdout.Column("ts").Kind);

        var i32 = holdout.GetText("i32");
        var i64 = holdout.GetText("i64");
        var f32 = holdout.GetDouble("f32");
        var f64 = holdout.GetDouble("f64");
        var flag = holdout.GetText("flag");
        var name = holdout.GetText("name");
        var amount = holdout.GetDouble("amount");
        var day = holdout.GetText("day");
        var ts = holdout.GetText("ts");
        for (var row = 0; row < Rows; row++)
        {
            long i = row + 1;
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), holdout.RowId(row));
            Assert.Equal(i % 11 == 0 ? null : Invariant(i * 3 - 7000), i32[row]);
            Assert.Equal(i % 13 == 0 ? null : Invariant(i * 1000003 - 2500000000), i64[row]);
            Assert.Equal(i % 17 == 0 ? double.NaN : i / 8.0, f32[row]);
            if (i % 19 == 0 || i % 23 == 0)
            {
                Assert.True(double.IsNaN(f64[row]));
            }
            else
            {
                Assert.Equal(i / 3.0, f64[row], 1e-12);
            }

            Assert.Equal(i % 29 == 0 ? null : i % 2 == 0 ? "true" : "false", flag[row]);
            Assert.Equal(i % 31 == 0 ? null : "group_" + Invariant(i % 7), name[row]);
            Assert.Equal(i % 37 == 0 ? double.NaN : double.Parse(Invariant(i / 100m), CultureInfo.InvariantCulture), amount[row]);
            Assert.Equal(i % 41 == 0 ? null : new DateOnly(2024, 1, 1).AddDays((int)(i % 366)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day[row]);
            Assert.Equal(i % 43 == 0 ? null : new DateTime(2024, 1, 1).AddSeconds(i * 61).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), ts[row]);
        }

        // Nulls count as missing like an empty CSV field; a NaN double counts too, as the text NaN does in a CSV.
        Assert.Equal(Rows / 11, holdout.MissingCounts["i32"]);
        Assert.Equal(Rows / 19 + Rows / 23 - Rows / (19 * 23), holdout.MissingCounts["f64"]);
        Assert.Equal(Rows / 31, holdout.MissingCounts["name"]);
        Assert.Equal(7, holdout.GetSlice("name").GroupNames.Count);
    }

    [Fact]
    public void Chunks_cross_row_groups_and_concatenate_to_the_whole_table()
    {
        var path = Fixture("types.zstd.parquet");
        var options = new HoldoutReadOptions { Columns = ["f64", "label", "name"], Missing = MissingPolicy.Nan, ChunkRows = 1500 };
        using var reader = HoldoutReader.Open(path, options);
        var chunks = reader.ReadChunks().ToList();
        Assert.Equal([1500, 1500, 1500, 500], chunks.Select(c => c.RowCount));
        var whole = ReadAll(path, options with { ChunkRows = 65_536 });
        Assert.Equal(whole.GetDouble("f64"), chunks.SelectMany(c => c.Columns["f64"].ToDoubles()));
        Assert.Equal(whole.GetText("name"), chunks.SelectMany(c => c.Columns["name"].ToText()));
        Assert.Equal(Enumerable.Range(1, Rows).Select(r => (long)r), Enumerable.Range(0, Rows).Select(whole.RowLine));
    }

    [Fact]
    public void A_null_feature_value_is_missing_under_each_policy_as_in_a_csv()
    {
        var path = Fixture("types.snappy.parquet");
        var failed = Assert.Throws<HoldoutException>(() => ReadAll(path, new HoldoutReadOptions { Columns = ["i32", "label"] }));
        Assert.Equal("i32", failed.Column);
        Assert.Equal(11, failed.Line);
        Assert.Contains("missing value in a feature column", failed.Message, StringComparison.Ordinal);

        var dropped = ReadAll(path, new HoldoutReadOptions { Columns = ["i32", "label"], Missing = MissingPolicy.Drop });
        Assert.Equal(Rows - (Rows / 11), dropped.RowCount);
        Assert.Equal(Rows / 11, dropped.DroppedRows);
        Assert.Equal([11L, 22L, 33L], dropped.FirstDroppedLines.Take(3));

        // A column that is not a feature may hold nulls under the fail policy.
        var labelOnly = ReadAll(path, new HoldoutReadOptions { Columns = ["label", "i32"], Features = ["label"] });
        Assert.Equal(Rows / 11, labelOnly.Column("i32").CountMissing());
    }

    [Fact]
    public void The_policy_types_override_the_stored_ones()
    {
        var holdout = ReadAll(Fixture("types.gzip.parquet"), new HoldoutReadOptions
        {
            Columns = ["label", "i32", "flag"],
            Missing = MissingPolicy.Nan,
            ColumnKinds = new Dictionary<string, ColumnKind> { ["label"] = ColumnKind.Text, ["i32"] = ColumnKind.Number, ["flag"] = ColumnKind.Text },
        });
        Assert.Equal(ColumnKind.Text, holdout.Column("label").Kind);
        Assert.Equal(["1", "0"], holdout.GetSlice("label").GroupNames);
        Assert.Equal(-6997.0, holdout.GetDouble("i32")[0]);
        Assert.Equal("false", holdout.GetText("flag")[0]);
    }

    [Fact]
    public void The_breast_cancer_holdout_reads_the_same_from_parquet_as_from_csv()
    {
        var csv = ReadAll(Path.Combine(RepoPaths.Root, "examples", "breast-cancer", "data", "holdout.csv"));
        var parquet = ReadAll(Fixture("breast-cancer.holdout.parquet"));
        Assert.Equal(csv.FileColumns, parquet.FileColumns);
        Assert.Equal(csv.RowCount, parquet.RowCount);
        foreach (var name in csv.Columns)
        {
            Assert.Equal(csv.Column(name).Kind, parquet.Column(name).Kind);
            Assert.Equal(csv.GetDouble(name), parquet.GetDouble(name));
        }
    }

    [Fact]
    public void Only_the_needed_columns_are_read_so_a_nested_column_left_out_is_no_error()
    {
        var path = Fixture("nested.parquet");
        Assert.Equal(["id", "x", "tags", "point", "attrs"], HoldoutReader.ReadColumnNames(path));
        var holdout = ReadAll(path, new HoldoutReadOptions { Columns = ["id", "x"] });
        Assert.Equal([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5], holdout.GetDouble("x"));
    }

    [Theory]
    [InlineData("tags", "a list")]
    [InlineData("point", "a struct")]
    [InlineData("attrs", "a map")]
    public void A_nested_column_that_is_needed_is_refused_with_the_fix(string column, string what)
    {
        var path = Fixture("nested.parquet");
        var e = Assert.Throws<HoldoutException>(() => ReadAll(path, new HoldoutReadOptions { Columns = ["x", column] }));
        Assert.Equal(column, e.Column);
        Assert.Equal(ErrorCategory.InputData, e.Category);
        Assert.Equal(
            $"{path}: column '{column}': the column is {what}; a holdout needs one plain value per row; flatten it into plain columns (one per value) when writing the file, or leave it out of the policy.",
            e.Message);
    }

    [Fact]
    public void A_truncated_file_is_an_input_error_naming_the_file_and_the_reason()
    {
        var path = Fixture("truncated.parquet");
        var e = Assert.Throws<HoldoutException>(() => ReadAll(path));
        Assert.Equal(ErrorCategory.InputData, e.Category);
        Assert.StartsWith(path + ": not a readable Parquet file (", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("; write the file again (a truncated or partly copied file cannot be read), or convert it to CSV.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_file_cut_inside_a_row_group_names_the_row_group_and_column()
    {
        // The footer kept, a page in the middle overwritten: the damage is found when that row group is read.
        var bytes = File.ReadAllBytes(Fixture("types.snappy.parquet"));
        Array.Fill(bytes, (byte)0xEE, 4, bytes.Length / 3);
        var path = files.WriteBytes("damaged.parquet", bytes);
        var e = Assert.Throws<HoldoutException>(() => ReadAll(path));
        Assert.Equal(ErrorCategory.InputData, e.Category);
        Assert.NotNull(e.Column);
        Assert.Contains(": row group 1: not a readable Parquet file (", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_or_gzipped_parquet_file_is_refused()
    {
        var empty = files.WriteBytes("empty.parquet", []);
        Assert.Contains("not a readable Parquet file", Assert.Throws<HoldoutException>(() => ReadAll(empty)).Message, StringComparison.Ordinal);
        var gz = files.WriteBytes("data.parquet.gz", DataFiles.Compress(File.ReadAllBytes(Fixture("nested.parquet"))));
        Assert.Contains("a Parquet file cannot be gzipped as a whole", Assert.Throws<HoldoutException>(() => ReadAll(gz)).Message, StringComparison.Ordinal);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void The_libraries_own_message_is_quoted_at_most_200_characters()
    {
        var e = Assert.Throws<HoldoutException>(() => Parquet.ParquetFailure.Guard<int>("data.parquet", 0, null,
            () => throw new InvalidDataException("bad footer: " + new string('x', 5000))));
        Assert.Equal(ErrorCategory.InputData, e.Category);
        Assert.Contains("row group 1: not a readable Parquet file (bad footer: xxx", e.Message, StringComparison.Ordinal);
        Assert.Contains("x…)", e.Message, StringComparison.Ordinal);
        Assert.InRange(e.Message.Length, 1, 600);
    }
}
