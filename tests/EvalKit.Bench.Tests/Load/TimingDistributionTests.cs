using EvalKit.Bench.Load;
using EvalKit.Core.Metrics;

namespace EvalKit.Bench.Tests.Load;

public sealed class TimingDistributionTests
{
    [Fact]
    public void Percentiles_are_numpys_default_on_unsorted_values()
    {
        // Given unsorted latencies; sorted [15, 20, 35, 40, 50], rank h = 4 · p / 100
        double[] values = [50, 15, 40, 20, 35];

        var summary = TimingDistribution.Of(values)!;

        // Then p50 = x[2] = 35, p90 = 40 + 0.6 · 10 = 46, p99 = 40 + 0.96 · 10 = 49.6 (numpy.percentile), mean 32
        Assert.Equal(5, summary.Samples);
        Assert.Equal(32, summary.Mean, 12);
        Assert.Equal(35, summary.P50, 12);
        Assert.Equal(46, summary.P90, 12);
        Assert.Equal(49.6, summary.P99, 12);
        Assert.Equal([50, 15, 40, 20, 35], values);
    }

    [Fact]
    public void Matches_numpys_documented_median_example()
    {
        // numpy.percentile docs: a = [[10, 7, 4], [3, 2, 1]]; np.percentile(a, 50) == 3.5
        Assert.Equal(3.5, TimingDistribution.Of([10, 7, 4, 3, 2, 1])!.P50, 12);
    }

    [Fact]
    public void No_values_have_no_summary_and_one_value_is_every_percentile()
    {
        Assert.Null(TimingDistribution.Of([]));
        Assert.Equal((7.0, 7.0, 7.0), (TimingDistribution.Of([7])!.P50, TimingDistribution.Of([7])!.P90, TimingDistribution.Of([7])!.P99));
    }
}
