using ModelGate.Policy.Where;

namespace ModelGate.Policy.Tests;

/// <summary>The where language: precedence, every operator, missing values, errors with offsets.</summary>
public sealed class WhereTests
{
    /// <summary>A small in-memory holdout: age (numeric with a gap), colour (text), checks (numeric), note (text with a gap).</summary>
    private sealed class Table : IHoldoutColumns
    {
        private readonly Dictionary<string, IReadOnlyList<double>> _numbers = new()
        {
            ["age"] = [17, 30, double.NaN, 45, 70],
            ["checks"] = [0, 3, 5, 1, 3],
            ["year"] = [1997, 2002, 1999, 2000, 2001],
        };

        private readonly Dictionary<string, IReadOnlyList<string?>> _texts = new()
        {
            ["age"] = ["17", "30", null, "45", "70"],
            ["checks"] = ["0", "3", "5", "1", "3"],
            ["colour"] = ["Black", "White", "White", "Black", "White"],
            ["note"] = ["it's", null, "x", "y", "z"],
            ["odd name"] = ["a", "b", "a", "b", "a"],
        };

        public int RowCount => 5;

        public bool TryGetNumeric(string column, out IReadOnlyList<double> values) => _numbers.TryGetValue(column, out values!);

        public bool TryGetText(string column, out IReadOnlyList<string?> values) => _texts.TryGetValue(column, out values!);
    }

    [Theory]
    [InlineData("checks >= 3", "01101")]
    [InlineData("checks == 3", "01001")]
    [InlineData("checks != 3", "10110")]
    [InlineData("age < 30", "10000")]
    [InlineData("age <= 30", "11000")]
    [InlineData("age > 30", "00011")]
    [InlineData("not (age > 30)", "11100")]
    [InlineData("age is missing", "00100")]
    [InlineData("age is not missing", "11011")]
    [InlineData("colour == 'Black'", "10010")]
    [InlineData("colour in ['White']", "01101")]
    [InlineData("colour not in ['White', 'Other']", "10010")]
    [InlineData("checks in [0, 1]", "10010")]
    [InlineData("age != 17", "01011")]
    [InlineData("colour == 'White' and checks >= 3", "01101")]
    [InlineData("colour == 'Black' or checks >= 5", "10110")]
    [InlineData("colour == 'Black' or checks >= 5 and age > 50", "10010")]
    [InlineData("(colour == 'Black' or checks >= 5) and age > 40", "00010")]
    [InlineData("not colour == 'Black' and not checks == 3", "00100")]
    [InlineData("note == 'it''s'", "10000")]
    [InlineData("note is missing or note == \"x\"", "01100")]
    [InlineData("`odd name` == 'a'", "10101")]
    [InlineData("3 <= checks", "01101")]
    [InlineData("age > checks", "11011")]
    [InlineData("year >= 2000 and year < 2002", "00011")]
    [InlineData("age > -1.5e1", "11011")]
    public void Evaluates_to_a_row_mask(string expression, string expected)
    {
        var mask = WhereFilter.Parse(expression).Evaluate(new Table());
        Assert.Equal(expected, string.Concat(mask.Select(b => b ? '1' : '0')));
    }

    [Theory]
    [InlineData("a > 1 or b < 2 and not c == 'x'", "(a > 1 or (b < 2 and not c == 'x'))")]
    [InlineData("(a > 1 or b < 2) and c in [1, 2.5]", "((a > 1 or b < 2) and c in [1, 2.5])")]
    [InlineData("`my col` is not missing", "`my col` is not missing")]
    public void Parses_with_and_binding_tighter_than_or(string expression, string tree) =>
        Assert.Equal(tree, WhereParser.Parse(expression).ToString());

    [Theory]
    [InlineData("", 0, "the expression is empty; write a condition such as \"checks >= 3\"")]
    [InlineData("age = 3", 4, "use '==' to compare, not '='")]
    [InlineData("age > 3 age < 5", 8, "unexpected 'age'; join conditions with 'and' or 'or'")]
    [InlineData("age >", 5, "the expression ends too early; expected a column, a number or a 'quoted' value")]
    [InlineData("age", 3, "expected a comparison (==, !=, <, <=, >, >=), 'in', or 'is missing' after age, found the end of the expression")]
    [InlineData("colour == 'Black", 10, "unclosed string; add the closing '")]
    [InlineData("(age > 3", 8, "expected ')', found the end of the expression; add the closing ')'")]
    [InlineData("colour in ['a', 1]", 16, "a list mixes numbers and text; use one kind")]
    [InlineData("colour in [Black]", 11, "list values must be numbers or 'quoted' text; put Black in quotes if it is text")]
    [InlineData("colour in 'Black'", 10, "expected '[', found 'Black'; write the values as a list: in ['a', 'b']")]
    [InlineData("3 > 2", 0, "a comparison needs a column on at least one side")]
    [InlineData("age is nothing", 7, "expected 'missing' after 'is'")]
    [InlineData("age > 3 & b", 8, "unexpected character '&'; column names with unusual characters go in `backquotes`, text in 'single quotes'")]
    [InlineData("'x' is missing", 0, "only a column can be tested with 'in' or 'is missing'; put a column name here")]
    [InlineData("`age > 3", 0, "unclosed `backquoted` column name; add the closing `")]
    public void Syntax_errors_name_the_offset(string expression, int offset, string message)
    {
        var e = Assert.Throws<WhereSyntaxException>(() => WhereParser.Parse(expression));
        Assert.Equal((message, offset), (e.Message, e.Offset));
    }

    [Theory]
    [InlineData("agee > 3", "the holdout has no column 'agee'")]
    [InlineData("colour > 3", "column 'colour' holds text, so it cannot be compared with a number; compare it with a 'quoted' value")]
    [InlineData("nosuch == 'a'", "the holdout has no column 'nosuch'")]
    public void Evaluation_errors_say_what_does_not_fit(string expression, string message)
    {
        var e = Assert.Throws<SafetySetException>(() => WhereFilter.Parse(expression).Evaluate(new Table()));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Columns_lists_every_column_once()
    {
        Assert.Equal(["age", "colour", "checks"], WhereFilter.Parse("age > 3 and (colour == 'a' or age < checks)").ColumnNames);
    }

    [Fact]
    public void On_the_arrests_holdout_checks_at_least_3_selects_the_rows_a_plain_count_finds()
    {
        var holdout = CsvColumns.Read("/work/shared/datasets/arrests.holdout.csv");
        var mask = WhereFilter.Parse("checks >= 3 and colour == 'Black'").Evaluate(holdout);
        var lines = File.ReadAllLines("/work/shared/datasets/arrests.holdout.csv");
        var header = lines[0].Split(',');
        int checks = Array.IndexOf(header, "checks"), colour = Array.IndexOf(header, "colour");
        var expected = lines.Skip(1).Select(l => l.Split(',')).Count(f => int.Parse(f[checks], System.Globalization.CultureInfo.InvariantCulture) >= 3 && f[colour] == "Black");
        Assert.Equal(1568, mask.Length);
        Assert.Equal(expected, mask.Count(b => b));
        Assert.InRange(expected, 1, 1567);
    }
}
