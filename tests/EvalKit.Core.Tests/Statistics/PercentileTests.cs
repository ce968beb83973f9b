using EvalKit.Core.Statistics;

namespace EvalKit.Core.Tests.Statistics;

public class PercentileTests
{
    [Theory]
    // numpy.percentile([1, 2, 3, 4, 10], q) with its default method="linear": h = p * (n - 1)
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 3.0)]    // h = 2
    [InlineData(0.9, 7.6)]    // h = 3.6: 4 + 0.6 * (10 - 4)
    [InlineData(0.99, 9.76)]  // h = 3.96: 4 + 0.96 * 6
    [InlineData(0.25, 2.0)]   // h = 1
    [InlineData(1.0, 10.0)]
    public void Interpolates_linearly_between_order_statistics(double p, double expected)
    {
        Assert.Equal(expected, Percentile.OfSorted([1, 2, 3, 4, 10], p), 10);
    }

    [Fact]
    public void One_value_is_every_percentile_and_no_values_give_NaN()
    {
        Assert.Equal(5.0, Percentile.OfSorted([5], 0.99));
        Assert.True(double.IsNaN(Percentile.OfSorted([], 0.5)));
    }

    [Fact]
    public void Median_of_an_even_count_is_the_midpoint()
    {
        // numpy.median([10, 20, 30, 40]) == 25
        Assert.Equal(25.0, Percentile.OfSorted([10, 20, 30, 40], 0.5));
    }

    [Fact]
    public void Fractions_outside_zero_to_one_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.OfSorted([1, 2], 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.OfSorted([1, 2], -0.1));
    }
}
