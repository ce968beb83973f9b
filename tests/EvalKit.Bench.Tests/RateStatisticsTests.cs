using EvalKit.Bench.Internal;

namespace EvalKit.Bench.Tests;

public sealed class RateStatisticsTests
{
    [Fact]
    public void Standard_deviation_divides_by_n_minus_one_as_llama_bench()
    {
        // Given rates 10, 20, 30 (mean 20, squared deviations 200)
        double[] rates = [10, 20, 30];

        // Then the deviation is sqrt(200 / 2) = 10, not sqrt(200 / 3)
        Assert.Equal(20, RateStatistics.Mean(rates), 9);
        Assert.Equal(10, RateStatistics.StandardDeviation(rates), 9);
    }

    [Fact]
    public void One_repetition_has_zero_deviation()
    {
        Assert.Equal(0, RateStatistics.StandardDeviation([42.0]));
    }
}
