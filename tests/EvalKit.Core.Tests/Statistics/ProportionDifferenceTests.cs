using EvalKit.Core.Statistics;

namespace EvalKit.Core.Tests.Statistics;

public class ProportionDifferenceTests
{
    // Newcombe (1998), Table II, method 10 (score interval, no continuity correction), to four decimals.
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(6, 7, 2, 7, 0.0582, 0.8062)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    [InlineData(10, 10, 0, 20, 0.6791, 1.0000)]
    public void Newcombe_interval_matches_the_published_examples(int x1, int n1, int x2, int n2, double low, double high)
    {
        // When
        var difference = ProportionDifference.Newcombe(x1, n1, x2, n2);

        // Then
        Assert.Equal((double)x1 / n1 - (double)x2 / n2, difference.Value, 12);
        Assert.Equal(low, difference.Low, 4);
        Assert.Equal(high, difference.High, 4);
    }

    [Fact]
    public void Empty_group_gives_no_estimate()
    {
        Assert.True(double.IsNaN(ProportionDifference.Newcombe(3, 10, 0, 0).Value));
    }
}
