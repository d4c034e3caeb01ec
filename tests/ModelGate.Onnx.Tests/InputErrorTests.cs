using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>A mismatch between columns and model inputs is a clear model/data error naming the input, the expectation and the columns.</summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class InputErrorTests(SharedRuntime shared)
{
    private static InputColumn[] Numeric(int count, int rows = 3) =>
        Enumerable.Range(0, count).Select(i => InputColumn.Numeric("f" + i, new double[rows])).ToArray();

    private OnnxModel Load(string stem) => shared.Runtime.LoadModel(RepoPaths.Model(stem), new SessionSettings { Device = DeviceRequest.Cpu });

    [Fact]
    public void A_wrong_number_of_features_names_the_input_the_expected_shape_and_the_columns()
    {
        using var model = Load("mlp_breast_cancer");
        var ex = Assert.Throws<OnnxModelException>(() => model.Prepare([ModelInput.Dense("input", Numeric(29))]));

        Assert.Contains("input 'input' expects float32[", ex.Message, StringComparison.Ordinal);
        Assert.Contains("30 features, but 29 columns were given", ex.Message, StringComparison.Ordinal);
        Assert.Contains("f0 (numeric)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_given_to_a_float_input_is_a_type_error()
    {
        using var model = Load("logreg_credit_card");
        var columns = Numeric(7).ToList();
        columns[2] = InputColumn.Text("income", ["a", "b", "c"]);
        var ex = Assert.Throws<OnnxModelException>(() => model.Prepare([ModelInput.Dense("input", columns)]));

        Assert.Contains("column 'income' is text, but the input is numeric", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_given_to_a_string_input_is_a_type_error()
    {
        using var model = Load("per_column_arrests");
        var inputs = new[] { "age", "year", "checks", "colour", "sex", "employed", "citizen" }
            .Select(n => ModelInput.PerColumn(n, n == "colour" ? InputColumn.Numeric(n, [1, 2]) : n is "sex" or "employed" or "citizen" ? InputColumn.Text(n, ["x", "y"]) : InputColumn.Numeric(n, [1, 2])))
            .ToList();
        var ex = Assert.Throws<OnnxModelException>(() => model.Prepare(inputs));

        Assert.Contains("input 'colour' expects string[", ex.Message, StringComparison.Ordinal);
        Assert.Contains("column 'colour' is numeric, but the input is a string tensor", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_and_missing_inputs_are_named()
    {
        using var model = Load("per_column_arrests");
        var unknown = Assert.Throws<OnnxModelException>(() => model.Prepare([ModelInput.PerColumn("agee", InputColumn.Numeric("agee", [1]))]));
        Assert.Contains("no input 'agee'", unknown.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<OnnxModelException>(() => model.Prepare([ModelInput.PerColumn("age", InputColumn.Numeric("age", [1]))]));
        Assert.Contains("no columns were given for input(s) year: float32", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_of_different_lengths_are_rejected()
    {
        using var model = Load("regressor_slid");
        var ex = Assert.Throws<OnnxModelException>(() => model.Prepare([ModelInput.Dense("input", [InputColumn.Numeric("education", [1, 2]), InputColumn.Numeric("age", [1])])]));
        Assert.Contains("column 'age' has 1 rows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dense_layout_for_a_four_dimensional_input_is_a_shape_error_unless_the_counts_match()
    {
        using var model = Load("cnn_digits");
        var ex = Assert.Throws<OnnxModelException>(() => model.Prepare([ModelInput.Dense("pixels", Numeric(60))]));
        Assert.Contains("(64 values per row) but the columns were laid out as a [N, 60] tensor from 60 columns", ex.Message, StringComparison.Ordinal);
        Assert.Equal([1L, 8L, 8L], model.Prepare([ModelInput.Dense("pixels", Numeric(64))]).Inputs[0].ItemShape);

        var wrong = Assert.Throws<OnnxModelException>(() => model.Prepare([ModelInput.Image("pixels", Numeric(64), 1, 4, 16)]));
        Assert.Contains("dimension 2 of size 8, but 4 was given", wrong.Message, StringComparison.Ordinal);
    }
}
