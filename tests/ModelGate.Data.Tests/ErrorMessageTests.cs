using System.Text;
using ModelGate.Core.Errors;
using ModelGate.Data.Labels;
using ModelGate.Core;

namespace ModelGate.Data.Tests;

/// <summary>Every bad input gives one exact, one-line message naming file, line and column, and is an input data error.</summary>
public sealed class ErrorMessageTests : IDisposable
{
    private readonly TempFolder files = new("data");

    public void Dispose() => files.Dispose();

    private static HoldoutException Fails(string path, HoldoutReadOptions? options = null)
    {
        var e = Assert.Throws<HoldoutException>(() => HoldoutReader.Read(path, options ?? new HoldoutReadOptions()));
        Assert.Equal(ErrorCategory.InputData, e.Category);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Fact]
    public void Missing_file()
    {
        var path = Path.Combine(files.Path, "nope.csv");
        var e = Fails(path);
        Assert.Equal(path + ": file not found; check the path (relative paths start at the working directory).", e.Message);
        Assert.Equal(path, e.File);
    }

    [Fact]
    public void Directory_instead_of_file()
    {
        var path = Path.Combine(files.Path, "dir.csv");
        Directory.CreateDirectory(path);
        Assert.Equal(path + ": is a directory, not a file; give the path of the holdout file.", Fails(path).Message);
    }

    [Fact]
    public void Unreadable_file()
    {
        var path = files.Write("locked.csv", "a\n1\n");
        using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var e = Fails(path);
        Assert.StartsWith(path + ": cannot be read (", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("); check that the file is readable by this user.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_extension()
    {
        var path = files.Write("data.txt", "a\n1\n");
        Assert.Equal(path + ": cannot tell the format from the extension '.txt'; name the file .csv, .tsv or .jsonl (optionally .gz), or .parquet, or set the format explicitly.", Fails(path).Message);
    }

    [Fact]
    public void Empty_file()
    {
        var path = files.Write("empty.csv", string.Empty);
        Assert.Equal(path + ": the file is empty; a holdout needs a header line and at least one data row.", Fails(path).Message);
    }

    [Fact]
    public void Empty_jsonl_file()
    {
        var path = files.Write("empty.jsonl", "\n  \n");
        Assert.Equal(path + ": the file is empty; a JSONL holdout needs at least one line with a JSON object.", Fails(path).Message);
    }

    [Fact]
    public void Header_only()
    {
        var path = files.Write("header.csv", "age,label\n");
        var e = Fails(path);
        Assert.Equal(path + ": line 1: the file has a header but no data rows; a holdout needs at least one data row.", e.Message);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void Duplicate_column_names()
    {
        var path = files.Write("dup.csv", "age,label,age\n1,0,2\n");
        var e = Fails(path);
        Assert.Equal(path + ": line 1, column 'age': duplicate column name (columns 1 and 3); give every column a unique name.", e.Message);
        Assert.Equal("age", e.Column);
    }

    [Fact]
    public void Blank_column_name()
    {
        var path = files.Write("blank.csv", "age,,label\n1,2,0\n");
        Assert.Equal(path + ": line 1: column 2 has a blank name; give every column a name in the header.", Fails(path).Message);
    }

    [Fact]
    public void Required_column_absent_suggests_near_names()
    {
        var path = files.Write("cols.csv", "age,income,label\n1,2,0\n");
        var e = Fails(path, new HoldoutReadOptions { Columns = ["agee", "label"] });
        Assert.Equal(path + ": column 'agee': no such column (did you mean 'age'?); use one of the file's columns: age, income, label.", e.Message);
    }

    [Fact]
    public void Required_column_absent_without_near_names()
    {
        var path = files.Write("cols.csv", "age,income,label\n1,2,0\n");
        var e = Fails(path, new HoldoutReadOptions { Columns = ["zzz"] });
        Assert.Equal(path + ": column 'zzz': no such column; use one of the file's columns: age, income, label.", e.Message);
    }

    [Fact]
    public void Declared_type_for_an_absent_column()
    {
        var path = files.Write("cols.csv", "age,income,label\n1,2,0\n");
        var e = Fails(path, new HoldoutReadOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["incme"] = ColumnKind.Number } });
        Assert.Equal(path + ": column 'incme': no such column (did you mean 'income'?); use one of the file's columns: age, income, label.", e.Message);
    }

    [Fact]
    public void Glob_matching_nothing()
    {
        var path = files.Write("cols.csv", "age,income,label\n1,2,0\n");
        var e = Fails(path, new HoldoutReadOptions { Columns = ["feature_*"] });
        Assert.Equal(path + ": column 'feature_*': the pattern matches no column; use a pattern that matches some of the file's columns: age, income, label.", e.Message);
    }

    [Fact]
    public void Ragged_row_short()
    {
        var path = files.Write("ragged.csv", "a,b,c\n1,2,3\n4,5\n");
        var e = Fails(path);
        Assert.Equal(path + ": line 3: 2 fields but the header has 3; give every row one field per column (quote fields that contain the ',' separator).", e.Message);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Ragged_row_long_in_tsv()
    {
        var path = files.Write("ragged.tsv", "a\tb\n1\t2\n3\t4\t5\n");
        Assert.Equal(path + ": line 3: 3 fields but the header has 2; give every row one field per column (quote fields that contain the tab separator).", Fails(path).Message);
    }

    [Fact]
    public void Unterminated_quote()
    {
        var path = files.Write("quote.csv", "a,b\n1,2\n3,\"four\n5,6\n");
        var e = Fails(path);
        Assert.Equal(path + ": line 3: a quoted field is never closed; close the quote (a quote inside a quoted field is written twice: \"\").", e.Message);
    }

    [Fact]
    public void Stray_quote()
    {
        var path = files.Write("stray.csv", "a,b\n1,2 \"inch\"\n");
        Assert.Equal(path + ": line 2: a quote inside an unquoted field; quote the whole field and double the inner quote (\"a \"\"b\"\" c\").", Fails(path).Message);
    }

    [Fact]
    public void Non_numeric_value_in_numeric_column()
    {
        var path = files.Write("num.csv", "age,label\n31,0\n4O,1\n");
        var e = Fails(path, new HoldoutReadOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["age"] = ColumnKind.Number } });
        Assert.Equal(path + ": line 3, column 'age': '4O' is not a number; fix the value, or declare the column's type as text.", e.Message);
        Assert.Equal((path, 3L, "age", "4O"), (e.File, e.Line!.Value, e.Column, e.Value));
    }

    [Fact]
    public void Non_numeric_value_after_the_inference_rows()
    {
        var path = files.Write("num.csv", "age,label\n31,0\n32,1\n33,0\nn/a,1\n");
        var e = Fails(path, new HoldoutReadOptions { InferenceRows = 2 });
        Assert.Equal(path + ": line 5, column 'age': 'n/a' is not an integer; fix the value, or declare the column's type as text (its type was inferred from its first 2 values).", e.Message);
    }

    [Fact]
    public void Label_outside_model_classes()
    {
        var path = files.Write("labels.csv", "x,animal\n1,cat\n2,dog\n3,bird\n");
        var holdout = HoldoutReader.Read(path, new HoldoutReadOptions());
        var e = Assert.Throws<HoldoutException>(() => LabelEncoding.Multiclass(holdout, "animal", ["bird", "cat"]));
        Assert.Equal(path + ": line 3, column 'animal': label 'dog' is not one of the model's classes (bird, cat); fix the label, or check that the model and the label column belong together.", e.Message);
        Assert.Equal("dog", e.Value);
    }

    [Fact]
    public void Invalid_utf8_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("name,label\nanna,1\nb\u00e9a,0\n").ToList();
        var at = bytes.IndexOf(0xC3);
        bytes[at] = 0xFF;
        var path = files.WriteBytes("bad.csv", [.. bytes]);
        var e = Fails(path);
        Assert.Equal(path + ": line 3, column 'name': invalid UTF-8 byte; save the file as UTF-8.", e.Message);
    }

    [Fact]
    public void Invalid_utf8_byte_in_jsonl()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"a\": 1}\n{\"a\": \"x\u00e9\"}\n").ToList();
        bytes[bytes.IndexOf(0xC3)] = 0xFF;
        var path = files.WriteBytes("bad.jsonl", [.. bytes]);
        Assert.Equal(path + ": line 2: invalid UTF-8 byte; save the file as UTF-8.", Fails(path).Message);
    }

    [Fact]
    public void Truncated_gzip()
    {
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{i},{i % 2}\n"));
        var whole = DataFiles.Compress(Encoding.UTF8.GetBytes("x,label\n" + text));
        var path = files.WriteBytes("cut.csv.gz", whole[..(whole.Length / 2)]);
        Assert.Equal(path + ": the gzip data is truncated or corrupt; re-create or re-download the file (gzip -t checks it).", Fails(path).Message);
    }

    [Fact]
    public void Gzip_missing_only_its_trailer()
    {
        var whole = DataFiles.Compress(Encoding.UTF8.GetBytes("x,label\n1,0\n2,1\n"));
        var path = files.WriteBytes("cut.csv.gz", whole[..^4]);
        Assert.Equal(path + ": the gzip data is truncated or corrupt; re-create or re-download the file (gzip -t checks it).", Fails(path).Message);
    }

    [Fact]
    public void Not_gzip_at_all()
    {
        var path = files.Write("plain.csv.gz", "x,label\n1,0\n");
        Assert.Equal(path + ": the gzip data is truncated or corrupt; re-create or re-download the file (gzip -t checks it).", Fails(path).Message);
    }

    [Fact]
    public void Jsonl_line_that_is_not_an_object()
    {
        var path = files.Write("rows.jsonl", "{\"a\": 1, \"b\": \"x\"}\n[1, \"x\"]\n");
        var e = Fails(path);
        Assert.Equal(path + ": line 2: not a JSON object (found an array); write one object per line, like {\"age\": 31, \"label\": \"yes\"}.", e.Message);
    }

    [Fact]
    public void Jsonl_invalid_json()
    {
        var path = files.Write("rows.jsonl", "{\"a\": 1}\n{\"a\": 1,}\n");
        Assert.Equal(path + ": line 2: invalid JSON at character 9; write one complete JSON object per line.", Fails(path).Message);
    }

    [Fact]
    public void Jsonl_nested_value()
    {
        var path = files.Write("rows.jsonl", "{\"a\": 1}\n{\"a\": {\"b\": 2}}\n");
        Assert.Equal(path + ": line 2, column 'a': the value is an object; values must be numbers, strings, true/false or null; flatten nested values into their own keys.", Fails(path).Message);
    }

    [Fact]
    public void Jsonl_key_not_in_first_line()
    {
        var path = files.Write("rows.jsonl", "{\"a\": 1}\n{\"a\": 2, \"c\": 3}\n");
        Assert.Equal(path + ": line 2, column 'c': key not in the first line (the first line's keys are the columns); give the first line every key, with null where a value is missing.", Fails(path).Message);
    }

    [Fact]
    public void Jsonl_two_values_on_a_line()
    {
        var path = files.Write("rows.jsonl", "{\"a\": 1} {\"a\": 2}\n");
        Assert.StartsWith(path + ": line 1: invalid JSON at character", Fails(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_feature_with_fail_policy_names_first_rows()
    {
        var path = files.Write("na.csv", "age,income,label\n1,2,0\n,3,1\n4,NA,0\n5,6,1\nNaN,null,0\n");
        var e = Fails(path, new HoldoutReadOptions { Columns = ["age", "income"] });
        Assert.Equal(path + ": line 3, column 'age': missing value in a feature column (first rows with one: line 3 ('age'), line 4 ('income'), line 6 ('age')); fill in the values, or choose the drop policy (skip such rows) or the pass policy (send NaN to the model).", e.Message);
    }

    [Fact]
    public void Every_row_dropped()
    {
        var path = files.Write("na.csv", "age,label\n,0\nNA,1\n");
        var e = Fails(path, new HoldoutReadOptions { Missing = MissingPolicy.Drop });
        Assert.Equal(path + ": all 2 rows have a missing feature value and were dropped; fill in the missing values, or choose the pass policy (missing values reach the model as NaN).", e.Message);
    }

    [Fact]
    public void Missing_row_id()
    {
        var path = files.Write("ids.csv", "id,x\nr1,1\n,2\n");
        Assert.Equal(path + ": line 3, column 'id': the row id is missing; give every row an id, or do not use this column as the row id.", Fails(path, new HoldoutReadOptions { RowIdColumn = "id" }).Message);
    }

    [Fact]
    public void Duplicate_row_id()
    {
        var path = files.Write("ids.csv", "id,x\nr1,1\nr2,2\nr1,3\n");
        var e = Fails(path, new HoldoutReadOptions { RowIdColumn = "id" });
        Assert.Equal(path + ": line 4, column 'id': the row id 'r1' was already used on line 2; give every row a unique id, or do not use this column as the row id.", e.Message);
    }

    [Fact]
    public void Only_a_byte_order_mark_is_empty()
    {
        var path = files.WriteBytes("bom.csv", [0xEF, 0xBB, 0xBF]);
        Assert.Equal(path + ": the file is empty; a holdout needs a header line and at least one data row.", Fails(path).Message);
    }

    [Fact]
    public void Jsonl_first_object_without_keys()
    {
        var path = files.Write("rows.jsonl", "\n{}\n{}\n");
        Assert.Equal(path + ": line 2: the first object has no keys, so there are no columns; give the first line every column's key.", Fails(path).Message);
    }

    [Fact]
    public void Text_column_used_as_numbers()
    {
        var path = files.Write("t.csv", "colour,label\nred,0\nblue,1\n");
        var holdout = HoldoutReader.Read(path, new HoldoutReadOptions());
        var e = Assert.Throws<HoldoutException>(() => holdout.GetFloat("colour"));
        Assert.Equal(path + ": line 2, column 'colour': 'red' is not a number, so the column holds text, not numbers; fix the value, or encode the column as numbers.", e.Message);
    }

    [Fact]
    public void Text_among_numbers_names_the_line_and_value_that_made_the_column_text()
    {
        var path = files.Write("t.csv", "width,label\n1.5,0\n2,1\nn/a x,0\n3,1\n");
        var holdout = HoldoutReader.Read(path, new HoldoutReadOptions());
        var e = Assert.Throws<HoldoutException>(() => holdout.GetFloat("width"));
        Assert.Equal(path + ": line 4, column 'width': 'n/a x' is not a number, so the column holds text, not numbers; fix the value, or encode the column as numbers.", e.Message);
        Assert.Equal(4, e.Line);
        Assert.Equal("n/a x", e.Value);
    }

    [Fact]
    public void Binary_labels_that_are_not_a_known_pair()
    {
        var path = files.Write("b.csv", "x,label\n1,cat\n2,dog\n");
        var holdout = HoldoutReader.Read(path, new HoldoutReadOptions());
        var e = Assert.Throws<HoldoutException>(() => LabelEncoding.Binary(holdout, "label"));
        Assert.Equal(path + ": column 'label': binary labels must be 0/1, true/false or yes/no, but the column holds 'cat', 'dog'; name the positive class (positive_class) so the other value is negative.", e.Message);
    }

    [Fact]
    public void Binary_labels_with_three_values()
    {
        var path = files.Write("b.csv", "x,label\n1,cat\n2,dog\n3,cow\n");
        var holdout = HoldoutReader.Read(path, new HoldoutReadOptions());
        var e = Assert.Throws<HoldoutException>(() => LabelEncoding.Binary(holdout, "label", "cat"));
        Assert.Equal(path + ": line 4, column 'label': a binary label column holds more than two values: 'cat', 'cow', 'dog'; use a binary label column, or declare the task as multiclass.", e.Message);
    }

    [Fact]
    public void Missing_label()
    {
        var path = files.Write("b.csv", "x,label\n1,0\n2,\n");
        var holdout = HoldoutReader.Read(path, new HoldoutReadOptions { Features = ["x"] });
        var e = Assert.Throws<HoldoutException>(() => LabelEncoding.Binary(holdout, "label"));
        Assert.Equal(path + ": line 3, column 'label': the label is missing; give every row a label, or remove the rows without one.", e.Message);
    }
}
