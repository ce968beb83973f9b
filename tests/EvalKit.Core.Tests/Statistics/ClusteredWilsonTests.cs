using EvalKit.Core.Statistics;

namespace EvalKit.Core.Tests.Statistics;

public class ClusteredWilsonTests
{
    [Fact]
    public void Clusters_of_one_trial_are_the_plain_Wilson_interval()
    {
        var clustered = RateEstimate.ClusteredWilson([(1, 1), (0, 1), (1, 1), (1, 1), (0, 1)]);

        Assert.Equal(RateEstimate.Wilson(3, 5), clustered);
    }

    [Fact]
    public void Identical_repeats_count_as_one_sample_per_case()
    {
        // Given 10 cases answered 3 times each, the same way every time: 7 cases right
        var clusters = Enumerable.Range(0, 10).Select(i => (i < 7 ? 3 : 0, 3)).ToList();

        var clustered = RateEstimate.ClusteredWilson(clusters);

        // Then the rate is over all 30 samples, but the interval is the one 10 independent cases give
        var perCase = RateEstimate.Wilson(7, 10);
        Assert.Equal((0.7, 21, 30), (clustered.Value, clustered.Successes, clustered.N));
        Assert.Equal(perCase.Low, clustered.Low, 12);
        Assert.Equal(perCase.High, clustered.High, 12);
        Assert.True(clustered.High - clustered.Low > RateEstimate.Wilson(21, 30).High - RateEstimate.Wilson(21, 30).Low);
    }

    [Fact]
    public void All_correct_repeats_give_the_interval_of_the_cases()
    {
        var clustered = RateEstimate.ClusteredWilson([(4, 4), (4, 4), (4, 4), (4, 4), (4, 4)]);

        Assert.Equal(1.0, clustered.Value);
        Assert.Equal(RateEstimate.Wilson(5, 5).Low, clustered.Low, 12);
    }

    [Fact]
    public void Mixed_repeats_match_a_hand_calculation()
    {
        // 4 cases × 2 repeats, 5 of 8 right: p = 0.625. Residuals y − p·m: 0.75, −0.25, −1.25, 0.75; squares sum 2.75.
        // Cluster-robust variance = k/(k−1) · 2.75 / n² = 4/3 · 2.75 / 64 = 0.0572917; binomial p(1−p)/n = 0.0292969.
        // n_eff = 8 · 0.0292969 / 0.0572917 = 4.0909 (between k = 4 and n = 8). Wilson at p = 0.625, n = 4.0909:
        // [0.222169, 0.906762] (numpy by hand), wider than plain Wilson(5, 8) = [0.305742, 0.863156].
        var clustered = RateEstimate.ClusteredWilson([(2, 2), (1, 2), (0, 2), (2, 2)]);

        Assert.Equal(0.22216919915495797, clustered.Low, 9);
        Assert.Equal(0.9067616931239113, clustered.High, 9);
        Assert.Equal(0.30574239460262737, RateEstimate.Wilson(5, 8).Low, 9);
    }

    [Fact]
    public void Repeats_that_vary_as_much_as_cases_keep_nearly_all_the_samples()
    {
        // Every case right in exactly half its repeats: no case differs from another, so clustering costs nothing
        var clustered = RateEstimate.ClusteredWilson([(1, 2), (1, 2), (1, 2), (1, 2), (1, 2), (1, 2)]);

        var plain = RateEstimate.Wilson(6, 12);
        Assert.Equal(plain.Low, clustered.Low, 12);
        Assert.Equal(plain.High, clustered.High, 12);
    }
}
