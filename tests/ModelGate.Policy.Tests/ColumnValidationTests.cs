using ModelGate.Policy.Model;
using ModelGate.Policy.Where;

namespace ModelGate.Policy.Tests;

/// <summary>Once the holdout header is known, every column the policy names is checked, with "did you mean".</summary>
public sealed class ColumnValidationTests
{
    private static readonly string[] Arrests = ["row_id", "released", "colour", "year", "age", "sex", "employed", "citizen", "checks"];

    private const string Policy = """
        version: 1
        task: binary
        models: { candidate: c.onnx, baseline: b.onnx }
        data:
          holdout: h.csv
          label: releasd
          id: row_id
          inputs:
            input: [age, employed, checks]
            extra: "x*"
          column_types: { yeer: numeric }
        slices:
          colour: { column: color }
          both: { columns: [colour, sex] }
        checks:
          - safety:
              name: repeat offenders
              where: "checks >= 3 and citizn == 'No'"
              negative_flips: { at_most: 0 }
        report:
          show_columns: [age, salary]
        """;

    [Fact]
    public void Every_unknown_column_is_an_error_at_the_place_that_names_it()
    {
        using var t = new TestPolicies();
        var policy = t.Load(Policy).GetPolicyOrThrow();
        var errors = policy.ValidateAgainstColumns(Arrests);
        var all = "row_id, released, colour, year, age, sex, employed, citizen, checks";
        Assert.Equal(
            [
                (6, 10, "data.label refers to column 'releasd', which the holdout does not have; did you mean 'released'?"),
                (10, 12, $"inputs.extra: the pattern 'x*' matches no holdout column; holdout columns: {all}"),
                (11, 19, "data.column_types refers to column 'yeer', which the holdout does not have; did you mean 'year'?"),
                (13, 21, "slice 'colour' refers to column 'color', which the holdout does not have; did you mean 'colour'?"),
                (18, 31, "where refers to column 'citizn', which the holdout does not have; did you mean 'citizen'?"),
                (21, 23, $"report.show_columns refers to column 'salary', which the holdout does not have; holdout columns: {all}"),
            ],
            errors.OrderBy(e => e.Location.Line).Select(e => (e.Location.Line, e.Location.Column, e.Message)));
        Assert.All(errors, e => Assert.True(e.IsError));
    }

    [Fact]
    public void Each_reference_carries_a_typed_usage_that_prints_as_the_policy_key()
    {
        using var t = new TestPolicies();
        var policy = t.Load(Policy).GetPolicyOrThrow();
        Assert.Equal(
            [
                (ColumnRole.Label, "data.label"), (ColumnRole.Id, "data.id"), (ColumnRole.Input, "inputs.input"), (ColumnRole.Input, "inputs.extra"),
                (ColumnRole.ColumnType, "data.column_types"), (ColumnRole.Slice, "slice 'colour'"), (ColumnRole.Slice, "slice 'both'"),
                (ColumnRole.ShowColumn, "report.show_columns"), (ColumnRole.Where, "where"),
            ],
            policy.ColumnReferences.Select(r => (r.Usage.Role, r.Usage.ToString())).Distinct());
        Assert.Equal(["releasd", "age", "employed", "checks", "x*"], policy.ColumnReferences.Where(r => r.Usage.IsModelData).Select(r => r.Column));
    }

    [Fact]
    public void The_train_sample_needs_only_the_label_and_the_inputs()
    {
        using var t = new TestPolicies();
        var policy = t.Load(Policy.Replace("releasd", "released", StringComparison.Ordinal)).GetPolicyOrThrow();
        var error = Assert.Single(policy.ValidateAgainstTrainColumns(["released", "age", "employed", "x1"]));
        Assert.Equal((9, 28, "inputs.input refers to column 'checks', which the train sample does not have; train sample columns: released, age, employed, x1"), (error.Location.Line, error.Location.Column, error.Message));
    }

    [Fact]
    public void A_fitting_header_gives_no_errors()
    {
        using var t = new TestPolicies();
        var fixedPolicy = Policy.Replace("releasd", "released", StringComparison.Ordinal).Replace("\"x*\"", "\"ch*\"", StringComparison.Ordinal)
            .Replace("yeer", "year", StringComparison.Ordinal).Replace("column: color", "column: colour", StringComparison.Ordinal)
            .Replace("citizn", "citizen", StringComparison.Ordinal).Replace("salary", "sex", StringComparison.Ordinal);
        Assert.Empty(t.Load(fixedPolicy).GetPolicyOrThrow().ValidateAgainstColumns(Arrests));
    }

    [Fact]
    public void A_rows_file_selects_its_rows_by_id_and_names_ids_the_holdout_lacks()
    {
        using var t = new TestPolicies();
        t.Write("must-pass.txt", "# ids\nrow_id\nr2\n\nr4\n");
        var policy = t.Load(Policy.Replace("where: \"checks >= 3 and citizn == 'No'\"", "rows_file: must-pass.txt", StringComparison.Ordinal)).GetPolicyOrThrow();
        var set = Assert.Single(policy.SafetySets);
        var columns = CsvColumns.Read(t.Write("h.csv", "row_id,age\nr1,1\nr2,2\nr3,3\nr4,4\n"));
        Assert.Equal([false, true, false, true], set.SelectRows(columns, ["r1", "r2", "r3", "r4"]));
        var e = Assert.Throws<SafetySetException>(() => set.SelectRows(columns, ["r1", "r2", "r3"]));
        Assert.EndsWith(":16:5: safety set 'repeat offenders': 1 id(s) from must-pass.txt are not in the holdout ('r4'); fix the rows file or the holdout", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_where_set_selects_rows_and_names_the_check_when_the_holdout_does_not_fit()
    {
        using var t = new TestPolicies();
        var policy = t.Load(Policy.Replace("citizn", "citizen", StringComparison.Ordinal)).GetPolicyOrThrow();
        var set = Assert.Single(policy.SafetySets);
        Assert.Equal("safety.repeat_offenders", set.Key);
        Assert.Equal((18, 15), (set.WhereLocation!.Line, set.WhereLocation.Column));
        var columns = CsvColumns.Read(t.Write("h.csv", "checks,citizen\n3,No\n4,Yes\n1,No\n"));
        Assert.Equal([true, false, false], set.SelectRows(columns, null));
        var wrong = CsvColumns.Read(t.Write("h2.csv", "checks,citizenship\n3,No\n"));
        var e = Assert.Throws<SafetySetException>(() => set.SelectRows(wrong, null));
        Assert.EndsWith(":16:5: safety set 'repeat offenders' (where: checks >= 3 and citizen == 'No'): the holdout has no column 'citizen'", e.Message, StringComparison.Ordinal);
    }
}
