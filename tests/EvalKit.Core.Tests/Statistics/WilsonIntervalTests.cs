using EvalKit.Core.Statistics;

namespace EvalKit.Core.Tests.Statistics;

public class WilsonIntervalTests
{
    [Theory]
    // Hand-checked: p = 0.8, z = 1.96, n = 20: centre = (0.8 + 0.09604) / 1.19208 = 0.75166;
    // half = 1.96 * sqrt(0.008 + 0.0024010) / 1.19208 = 0.16769 -> [0.5840, 0.9193] (matches R's prop.test(correct = FALSE)).
    [InlineData(16, 20, 0.5840, 0.9193)]
    // Newcombe (1998), Table I example: 81/263 -> [0.2553, 0.3662].
    [InlineData(81, 263, 0.2553, 0.3662)]
    // Zero successes still gives a non-degenerate upper bound: 0/10 -> [0, 0.2775].
    [InlineData(0, 10, 0.0, 0.2775)]
    // All successes: 10/10 -> [0.7225, 1].
    [InlineData(10, 10, 0.7225, 1.0)]
    public void Wilson_matches_published_and_hand_computed_intervals(int successes, int n, double low, double high)
    {
        var estimate = RateEstimate.Wilson(successes, n);

        Assert.Equal((double)successes / n, estimate.Value, 10);
        Assert.Equal(low, estimate.Low, 4);
        Assert.Equal(high, estimate.High, 4);
    }

    [Fact]
    public void Wilson_of_no_samples_is_not_a_number_rather_than_a_fake_zero()
    {
        var estimate = RateEstimate.Wilson(0, 0);

        Assert.True(double.IsNaN(estimate.Value));
        Assert.Equal("n/a", estimate.ToString());
    }

    [Fact]
    public void Wilson_rejects_more_successes_than_trials() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RateEstimate.Wilson(5, 4));
}
