using EvalKit.Bench.Load.Internal;

namespace EvalKit.Bench.Tests.Load;

public sealed class ArrivalScheduleTests
{
    private static double[] Gaps(double[] times) => [.. times.Select((t, i) => i == 0 ? t : t - times[i - 1])];

    private static (double Mean, double CoefficientOfVariation) Moments(double[] gaps)
    {
        var mean = gaps.Average();
        var sd = Math.Sqrt(gaps.Sum(g => (g - mean) * (g - mean)) / (gaps.Length - 1));
        return (mean, sd / mean);
    }

    [Theory]
    [InlineData(4.0, 1)]
    [InlineData(0.5, 2)]
    [InlineData(50.0, 3)]
    public void Poisson_arrivals_have_mean_gap_one_over_the_rate_and_exponential_spread(double rate, int seed)
    {
        // Given 20,000 seeded arrivals at the rate (burstiness 1: a Poisson process)
        var gaps = Gaps(ArrivalSchedule.Create(20_000, rate, 1, seed));

        // Then the mean gap is 1/rate within 3 % (its standard error is 0.7 %), and gaps are exponential: CV 1
        var (mean, cv) = Moments(gaps);
        Assert.InRange(mean * rate, 0.97, 1.03);
        Assert.InRange(cv, 0.95, 1.05);
        Assert.All(gaps, g => Assert.True(g >= 0));
    }

    [Theory]
    [InlineData(0.25, 2.0)]
    [InlineData(4.0, 0.5)]
    public void Burstiness_is_the_gamma_shape_keeping_the_mean(double burstiness, double expectedCv)
    {
        // Gamma(k) gaps have CV 1/√k: burstier below 1, more even above
        var (mean, cv) = Moments(Gaps(ArrivalSchedule.Create(40_000, 2, burstiness, 7)));

        Assert.InRange(mean * 2, 0.96, 1.04);
        Assert.InRange(cv / expectedCv, 0.93, 1.07);
    }

    [Fact]
    public void The_same_seed_gives_the_same_schedule_and_another_seed_another()
    {
        Assert.Equal(ArrivalSchedule.Create(100, 3, 1, 5), ArrivalSchedule.Create(100, 3, 1, 5));
        Assert.NotEqual(ArrivalSchedule.Create(100, 3, 1, 5), ArrivalSchedule.Create(100, 3, 1, 6));
    }

    [Fact]
    public void An_infinite_rate_sends_every_request_at_once()
    {
        Assert.All(ArrivalSchedule.Create(16, double.PositiveInfinity, 1, 1), t => Assert.Equal(0, t));
    }
}
