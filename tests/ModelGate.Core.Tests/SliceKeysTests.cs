using ModelGate.Core.Slices;

namespace ModelGate.Core.Tests;

public class SliceKeysTests
{
    [Fact]
    public void Categories_get_ordinal_groups_and_missing_values_none()
    {
        var slice = SliceKeys.FromCategories(["b", "a", null, "b", ""], "letter");
        Assert.Equal(["a", "b"], slice.GroupNames);
        Assert.Equal([1, 0, -1, 1, -1], slice.GroupOf);
        Assert.Equal("letter", slice.Name);
    }

    [Fact]
    public void Numeric_bins_are_half_open_except_the_last()
    {
        var slice = SliceKeys.FromNumeric([0, 24.9, 25, 45, 120, 121, double.NaN, -1], [0, 25, 45, 120], "age");
        Assert.Equal(["[0, 25)", "[25, 45)", "[45, 120]"], slice.GroupNames);
        Assert.Equal([0, 0, 1, 2, 2, -1, -1, -1], slice.GroupOf);
    }

    [Fact]
    public void Numeric_bins_need_increasing_edges()
    {
        Assert.Throws<ArgumentException>(() => SliceKeys.FromNumeric([1], [0, 0]));
    }

    [Fact]
    public void Intersections_name_combinations_that_occur()
    {
        var colour = SliceKeys.FromCategories(["Black", "White", "Black", null], "colour");
        var sex = SliceKeys.FromCategories(["Male", "Male", "Female", "Male"], "sex");
        var both = SliceKeys.Intersect(colour, sex);
        Assert.Equal("colour_x_sex", both.Name);
        Assert.Equal(["Black × Female", "Black × Male", "White × Male"], both.GroupNames);
        Assert.Equal([1, 2, 0, -1], both.GroupOf);
    }
}
