using ModelGate.Core;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Tests;

/// <summary>Four significant digits, trailing zeros kept, signed deltas, no culture, no "-0".</summary>
public sealed class NumbersTests
{
    [Theory]
    [InlineData(0.812345, "0.8123")]
    [InlineData(0.8, "0.8000")]
    [InlineData(0.0040123, "0.004012")]
    [InlineData(12.3456, "12.35")]
    [InlineData(1234.5, "1235")]
    [InlineData(123456.7, "123457")]
    [InlineData(0.99996, "1.000")]
    [InlineData(9.99996, "10.00")]
    [InlineData(-0.00001, "-0.00001000")]
    [InlineData(-0.0, "0")]
    [InlineData(1e-20, "1.000E-20")]
    [InlineData(double.PositiveInfinity, "∞")]
    public void Value_has_four_significant_digits(double v, string expected) => Assert.Equal(expected, Numbers.Value(v));

    [Theory]
    [InlineData(0.004, "+0.004000")]
    [InlineData(-0.011, "-0.01100")]
    [InlineData(0, "0")]
    [InlineData(-0.000000001, "-1.000E-9")]
    public void Signed_always_shows_the_sign(double v, string expected) => Assert.Equal(expected, Numbers.Signed(v));

    [Fact]
    public void Estimates_show_intervals_and_undefined_reasons()
    {
        Assert.Equal("0.8123 [0.8012, 0.8511]", Numbers.Estimate(Estimate.Of(0.81234, new Interval(0.80123, 0.85111, 0.95))));
        Assert.Equal("-0.004000 [-0.01100, +0.003000]", Numbers.Delta(Estimate.Of(-0.004, new Interval(-0.011, 0.003, 0.95))));
        Assert.Equal("undefined (slice holds one class)", Numbers.Estimate(Estimate.Undefined("slice holds one class")));
        Assert.Equal("—", Numbers.Estimate(null));
    }

    [Theory]
    [InlineData(0.95, "95%")]
    [InlineData(0.995, "99.5%")]
    [InlineData(0.9, "90%")]
    public void Confidence_reads_as_written(double level, string expected) => Assert.Equal(expected, Numbers.Confidence(level));

    [Theory]
    [InlineData(0.023595, "2.36%")]
    [InlineData(0.413, "+41.3%")]
    [InlineData(-0.005, "-0.500%")]
    public void Percentages_have_three_significant_digits(double f, string expected) =>
        Assert.Equal(expected, expected.StartsWith('+') || expected.StartsWith('-') ? Numbers.SignedPercent(f) : Numbers.Percent(f));
}
