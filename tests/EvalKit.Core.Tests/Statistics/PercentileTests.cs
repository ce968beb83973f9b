using EvalKit.Core.Statistics;

namespace EvalKit.Core.Tests.Statistics;

public sealed class PercentileTests
{
    [Fact]
    public void Matches_numpys_documented_example()
    {
        // numpy.percentile docs: a = [[10, 7, 4], [3, 2, 1]]; np.percentile(a, 50) == 3.5
        Assert.Equal(3.5, Percentile.Of([10, 7, 4, 3, 2, 1], 50), 12);
    }

    [Theory]
    // sorted [15, 20, 35, 40, 50], rank h = 4 · p / 100, value = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])
    [InlineData(0, 15)]
    [InlineData(40, 29)]    // h = 1.6: 20 + 0.6 · 15
    [InlineData(50, 35)]    // h = 2
    [InlineData(90, 46)]    // h = 3.6: 40 + 0.6 · 10
    [InlineData(99, 49.6)]  // h = 3.96: 40 + 0.96 · 10
    [InlineData(100, 50)]
    public void Interpolates_linearly_between_the_closest_ranks_of_unsorted_values(double p, double expected)
    {
        double[] values = [50, 15, 40, 20, 35];

        Assert.Equal(expected, Percentile.Of(values, p), 12);
        Assert.Equal([50, 15, 40, 20, 35], values);
    }

    [Fact]
    public void One_value_is_every_percentile()
    {
        Assert.Equal(7, Percentile.Of([7], 0));
        Assert.Equal(7, Percentile.Of([7], 99));
    }

    [Fact]
    public void Refuses_no_values_and_p_outside_0_to_100()
    {
        Assert.Throws<ArgumentException>(() => Percentile.Of([], 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of([1, 2], 101));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of([1, 2], double.NaN));
        Assert.Throws<ArgumentException>(() => Percentile.Of([1, double.NaN], 50));
    }
}
