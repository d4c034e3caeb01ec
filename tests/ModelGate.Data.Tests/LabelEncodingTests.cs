using ModelGate.Data.Labels;

namespace ModelGate.Data.Tests;

public sealed class LabelEncodingTests : IDisposable
{
    private readonly TempFolder files = new("data");

    public void Dispose() => files.Dispose();

    private Holdout Labels(string values) =>
        HoldoutReader.Read(files.Write("l.csv", "label\n" + values.Replace(' ', '\n') + "\n"), new HoldoutReadOptions());

    [Theory]
    [InlineData("0 1 1 0", "0", "1")]
    [InlineData("true false TRUE", "false", "true")]
    [InlineData("Yes No yes", "No", "Yes")]
    [InlineData("1 1 1", "0", "1")]
    public void Binary_known_pairs_make_the_second_positive(string values, string negative, string positive)
    {
        var encoded = LabelEncoding.Binary(Labels(values), "label");
        var expected = values.Split(' ').Select(v => v is "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase) ? 1 : 0);
        Assert.Equal(expected, encoded.ClassIndex);
        Assert.Equal([negative, positive], encoded.ClassNames);
    }

    [Fact]
    public void Binary_with_an_explicit_positive_class()
    {
        var encoded = LabelEncoding.Binary(Labels("benign malignant benign"), "label", "malignant");
        Assert.Equal([0, 1, 0], encoded.ClassIndex);
        Assert.Equal(["benign", "malignant"], encoded.ClassNames);
    }

    [Fact]
    public void Positive_class_that_never_occurs()
    {
        var holdout = Labels("a b");
        var e = Assert.Throws<HoldoutException>(() => LabelEncoding.Binary(holdout, "label", "c"));
        Assert.Equal(holdout.File + ": column 'label': the positive class 'c' never occurs; the column holds 'a', 'b'; set positive_class to one of those values.", e.Message);
    }

    [Fact]
    public void Multiclass_maps_ints_and_strings_onto_the_model_order()
    {
        Assert.Equal([2, 0, 1], LabelEncoding.Multiclass(Labels("7 3 5"), "label", ["3", "5", "7"]).ClassIndex);
        Assert.Equal([1, 0], LabelEncoding.Multiclass(Labels("7 3"), "label", ["3.0", "7.0"]).ClassIndex);
        var named = LabelEncoding.Multiclass(Labels("dog cat"), "label", ["cat", "dog", "bird"]);
        Assert.Equal([1, 0], named.ClassIndex);
        Assert.Equal(["cat", "dog", "bird"], named.ClassNames);
    }

    [Fact]
    public void Regression_targets()
    {
        Assert.Equal([1.5, -2, 3], LabelEncoding.Regression(Labels("1.5 -2 3"), "label"));
        var holdout = Labels("x y");
        var e = Assert.Throws<HoldoutException>(() => LabelEncoding.Regression(holdout, "label"));
        Assert.Equal(holdout.File + ": line 2, column 'label': regression targets must be numbers, but the column holds text like 'x'; choose a numeric label column, or declare the task as classification.", e.Message);
    }

    [Fact]
    public void Shipped_titanic_labels()
    {
        var path = Path.Combine(DataFiles.Datasets, "titanic_survival.holdout.csv");
        var holdout = HoldoutReader.Read(path, new HoldoutReadOptions { Features = ["sex", "passenger_class"] });
        var labels = LabelEncoding.Binary(holdout, "survived");
        Assert.Equal(150, labels.ClassIndex.Sum());
        Assert.Equal(393, labels.ClassIndex.Length);
    }
}
