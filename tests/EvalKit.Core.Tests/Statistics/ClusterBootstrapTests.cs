using EvalKit.Core.Statistics;

namespace EvalKit.Core.Tests.Statistics;

public sealed class ClusterBootstrapTests
{
    [Fact]
    public void Ratio_is_the_token_weighted_mean_and_lies_inside_its_interval()
    {
        // Given: three sequences of 2, 3 and 5 tokens whose per-token values sum to 1, 3 and 10
        double[] sums = [1, 3, 10];
        int[] counts = [2, 3, 5];

        // When
        var (value, low, high) = ClusterBootstrap.RatioOfSums(sums, counts, resamples: 4000, seed: 7);

        // Then: 14 / 10; each resample's ratio is between the smallest (0.5) and largest (2.0) per-sequence mean
        Assert.Equal(1.4, value, 12);
        Assert.InRange(low, 0.5, value);
        Assert.InRange(high, value, 2.0);
        Assert.True(high > low);
    }

    [Fact]
    public void Identical_clusters_give_a_zero_width_interval()
    {
        var (value, low, high) = ClusterBootstrap.RatioOfSums([0.5, 0.5, 0.5], [1, 1, 1]);

        Assert.Equal((0.5, 0.5, 0.5), (value, low, high));
    }

    [Fact]
    public void Same_seed_gives_the_same_interval()
    {
        double[] sums = [0.1, 0.9, 0.4, 0.0, 2.5];
        int[] counts = [1, 3, 2, 1, 4];

        Assert.Equal(ClusterBootstrap.RatioOfSums(sums, counts, seed: 3), ClusterBootstrap.RatioOfSums(sums, counts, seed: 3));
    }

    [Fact]
    public void No_tokens_give_no_estimate()
    {
        var (value, _, _) = ClusterBootstrap.RatioOfSums([0.0], [0]);

        Assert.True(double.IsNaN(value));
    }
}
