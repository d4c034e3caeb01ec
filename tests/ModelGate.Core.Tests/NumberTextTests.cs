using ModelGate.Core.Text;

namespace ModelGate.Core.Tests;

/// <summary>The one number formatter: measured values with four significant digits and trailing zeros kept, settings as written, signed deltas, no culture, no "-0".</summary>
public sealed class NumberTextTests
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
    public void Value_has_four_significant_digits(double v, string expected) => Assert.Equal(expected, NumberText.Value(v));

    [Theory]
    [InlineData(0.004, "+0.004000")]
    [InlineData(-0.011, "-0.01100")]
    [InlineData(0, "0")]
    [InlineData(-0.000000001, "-1.000E-9")]
    public void Changes_always_show_the_sign(double v, string expected) => Assert.Equal(expected, NumberText.Change(v));

    [Fact]
    public void Estimates_show_intervals_and_undefined_reasons()
    {
        Assert.Equal("0.8123 [0.8012, 0.8511]", NumberText.Estimate(Estimate.Of(0.81234, new Interval(0.80123, 0.85111, 0.95))));
        Assert.Equal("-0.004000 [-0.01100, +0.003000]", NumberText.Delta(Estimate.Of(-0.004, new Interval(-0.011, 0.003, 0.95))));
        Assert.Equal("undefined (slice holds one class)", NumberText.Estimate(Estimate.Undefined("slice holds one class")));
        Assert.Equal("—", NumberText.Estimate(null));
    }

    [Theory]
    [InlineData(0.95, "95%")]
    [InlineData(0.995, "99.5%")]
    [InlineData(0.9, "90%")]
    public void Confidence_reads_as_written(double level, string expected) => Assert.Equal(expected, NumberText.SettingPercent(level));

    [Theory]
    [InlineData(0.023595, "2.36%")]
    [InlineData(0.413, "+41.3%")]
    [InlineData(-0.005, "-0.500%")]
    [InlineData(double.PositiveInfinity, "+∞%")]
    public void Percentages_have_three_significant_digits(double f, string expected) =>
        Assert.Equal(expected, expected.StartsWith('+') || expected.StartsWith('-') ? NumberText.PercentChange(f) : NumberText.Percent(f));

    [Theory]
    [InlineData(0.8, "0.8", "+0.8")]
    [InlineData(0.05, "0.05", "+0.05")]
    [InlineData(-0.01, "-0.01", "-0.01")]
    [InlineData(0.12345, "0.12345", "+0.12345")]
    [InlineData(0, "0", "0")]
    [InlineData(-0.0, "0", "0")]
    public void Settings_read_as_written(double v, string plain, string change)
    {
        Assert.Equal(plain, NumberText.Setting(v));
        Assert.Equal(change, NumberText.SettingChange(v));
    }

    [Fact]
    public void Counts_for_readers_are_grouped_and_integers_for_machines_are_not()
    {
        Assert.Equal("1,234,567", NumberText.Count(1234567));
        Assert.Equal("1234567", NumberText.Plain(1234567));
    }
}
