using EvalKit.Core.Metrics;
using EvalKit.Core.Statistics;

namespace EvalKit.Reports.Tests;

public class NumberTextTests
{
    [Theory]
    [InlineData(-0.001, 2, false, "0.00")]
    [InlineData(-0.0, 2, true, "0.00")]
    [InlineData(-0.004999, 2, true, "0.00")]
    [InlineData(-0.005, 2, true, "-0.01")]
    [InlineData(0.333, 2, true, "+0.33")]
    [InlineData(-0.4, 0, true, "0")]
    [InlineData(-0.6, 0, true, "-1")]
    [InlineData(12.34, 1, false, "12.3")]
    [InlineData(double.NaN, 2, false, "n/a")]
    public void Values_that_round_to_zero_are_written_without_a_sign(double value, int decimals, bool plus, string expected)
    {
        Assert.Equal(expected, NumberText.Fixed(value, decimals, plus));
    }

    [Fact]
    public void A_kappa_just_below_zero_reads_as_zero()
    {
        // Given two raters whose agreement is a hair below chance: p_o = 0.499, p_e = 0.5, kappa = −0.002
        bool[] first = [.. Enumerable.Range(0, 1000).Select(i => i < 500)];
        bool[] second = [.. Enumerable.Range(0, 1000).Select(i => i % 2 == 0 || i == 501)];
        var kappa = CohensKappa.Compute(first, second);

        // Then it is negative, and shown as 0.00 with the minus sign of the HTML and Markdown writers too
        Assert.True(kappa is < 0 and > -0.005, kappa.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.00", NumberText.Fixed(kappa, 2, minus: "−"));
    }
}
