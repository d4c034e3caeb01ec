using ModelGate.Core.Text;
using ModelGate.Data.Selection;

namespace ModelGate.Data.Tests;

public sealed class ColumnPatternTests
{
    private static readonly string[] Digits = [.. Enumerable.Range(0, 64).Select(i => "p" + i), "target"];

    [Theory]
    [InlineData("p*", "p10", true)]
    [InlineData("p*", "target", false)]
    [InlineData("p?", "p7", true)]
    [InlineData("p?", "p17", false)]
    [InlineData("feature_?", "feature_a", true)]
    [InlineData("*_error", "radius_error", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("*", "", true)]
    public void Glob_matching(string pattern, string name, bool matches) => Assert.Equal(matches, Glob.Matches(pattern, name));

    [Fact]
    public void Resolve_expands_globs_in_file_order_once()
    {
        var resolved = ColumnPattern.Resolve(["p1?", "p1", "p10"], Digits, "d.csv");
        Assert.Equal(["p10", "p11", "p12", "p13", "p14", "p15", "p16", "p17", "p18", "p19", "p1"], resolved);
        Assert.Equal(64, ColumnPattern.Resolve(["p*"], Digits, "d.csv").Count);
    }

    [Fact]
    public void Suggestions_by_distance_and_prefix()
    {
        Assert.Equal(["target"], NameSuggestions.Near("traget", Digits));
        Assert.Equal(["mean_radius"], NameSuggestions.Near("Mean_Radius", ["mean_radius", "worst_radius"]));
        Assert.Equal(["passenger_class"], NameSuggestions.Near("passenger", ["passenger_class", "sex"]));
        Assert.Empty(NameSuggestions.Near("zebra", ["age", "sex"]));
        // One rule for policy keys and columns: a completion first ("warn" → "warning"), then by distance.
        Assert.Equal(["warning", "warm"], NameSuggestions.Near("warn", ["error", "warm", "warning"]));
        Assert.Equal("accuracy", NameSuggestions.Closest("acuracy", ["roc_auc", "accuracy"]));
        Assert.Equal(3, NameSuggestions.Distance("kitten", "sitting"));
    }

    [Fact]
    public void Missing_column_lists_at_most_twelve_names()
    {
        var e = Assert.Throws<HoldoutException>(() => ColumnPattern.Resolve(["targte"], Digits, "d.csv"));
        Assert.Equal("d.csv: column 'targte': no such column (did you mean 'target'?); use one of the file's columns: p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11 and 53 more.", e.Message);
    }
}
